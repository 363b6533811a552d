# vanban messages: cli (en)

# A sample and the test's own messages.
i18n-sample = { $count } { $count ->
        [one] problem
       *[other] problems
    } in { $file }, line { $line }: { $value } ({ $inner })
i18n-inner = the inner message

## The command line (crates/vanban-cli/src)

cli-error = error: { $message }
cli-error-option = error: --{ $message }
cli-wrote = wrote { $path }
cli-ok = { $path }: ok
# $reason: why writing failed.
cli-cannot-write = { $path }: cannot write output: { $reason }
cli-cannot-write-any = cannot write output: { $reason }
cli-cannot-write-row = cannot write: { $reason }
cli-stopped-summary = { $why }: { $written } of { $total } documents written ({ $files } files) in { $dir }
cli-signal = signal { $number }
cli-interrupted = interrupted by { $signal }
cli-row = row { $row }
cli-row-line = {" "}(line { $line })
cli-row-field = , field `{ $field }`
cli-template-at = {" "}(template `{ $template }` line { $line }, column { $column })
cli-rows-skipped = { $count } empty rows (every cell empty) skipped
cli-name-field-unused = warning: no row has the field `{ $field }`; files are numbered instead
cli-batch-stopped = { $why } after { $done } of { $items } items:{" "}
cli-batch-summary = { $written } of { $items } documents written, { $failed } failed, { $files } files, in { $seconds } s ({ $rate } documents/s)
cli-no-template = error: no template `{ $name }`; there are: { $known }
cli-rollup = roll-up: { $reason }
cli-rollup-warning = warning: { $path }: roll-up: { $warning }
