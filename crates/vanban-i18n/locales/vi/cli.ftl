# vanban messages: cli (vi)

i18n-sample = { $count } lỗi trong { $file }, dòng { $line }: { $value } ({ $inner })
i18n-inner = thông báo bên trong
