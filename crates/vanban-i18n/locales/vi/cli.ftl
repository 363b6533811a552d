# vanban messages: cli (vi)

i18n-sample = { $count } lỗi trong { $file }, dòng { $line }: { $value } ({ $inner })
i18n-inner = thông báo bên trong

## Dòng lệnh (crates/vanban-cli/src)

cli-error = lỗi: { $message }
cli-error-option = lỗi: --{ $message }
cli-wrote = đã ghi { $path }
cli-ok = { $path }: hợp lệ
cli-cannot-write = { $path }: không ghi được tệp kết quả: { $reason }
cli-cannot-write-any = không ghi được tệp kết quả: { $reason }
cli-cannot-write-row = không ghi được: { $reason }
cli-stopped-summary = { $why }: đã ghi { $written } trong số { $total } văn bản ({ $files } tệp) vào { $dir }
cli-signal = tín hiệu { $number }
cli-interrupted = bị dừng bởi { $signal }
cli-row = hàng { $row }
cli-row-line = {" "}(dòng { $line } của tệp)
cli-row-field = , trường `{ $field }`
cli-template-at = {" "}(mẫu `{ $template }` dòng { $line }, cột { $column })
cli-rows-skipped = đã bỏ qua { $count } dòng trống (mọi ô đều trống)
cli-name-field-unused = cảnh báo: không dòng nào có trường `{ $field }`; các tệp được đánh số thay cho tên
cli-batch-stopped = { $why } sau { $done } trong số { $items } mục:{" "}
cli-batch-summary = đã ghi { $written } trong số { $items } văn bản, { $failed } văn bản lỗi, { $files } tệp, trong { $seconds } giây ({ $rate } văn bản/giây)
cli-no-template = lỗi: không có mẫu `{ $name }`; các mẫu hiện có: { $known }
cli-rollup = tổng hợp: { $reason }
cli-rollup-warning = cảnh báo: { $path }: tổng hợp: { $warning }
