# vanban messages: cli (en)

# A sample and the test's own messages.
i18n-sample = { $count } { $count ->
        [one] problem
       *[other] problems
    } in { $file }, line { $line }: { $value } ({ $inner })
i18n-inner = the inner message
