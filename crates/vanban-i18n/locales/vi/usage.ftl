# vanban messages: the command line's usage and help (vi)

## Lỗi cách dùng lệnh, thay cho lời của clap (crates/vanban-cli/src/usage.rs)

usage-unknown-argument = không có tham số { $arg }
usage-unknown-command = không có lệnh `{ $command }`
usage-missing-value = tham số { $arg } cần một giá trị nhưng chưa được cung cấp
usage-invalid-value = giá trị `{ $value }` không hợp lệ cho { $arg } (các giá trị hợp lệ: { $valid })
usage-value-refused = giá trị `{ $value }` không hợp lệ cho { $arg }: { $reason }
usage-not-a-whole-number = không phải là số nguyên
usage-number-too-large = là số quá lớn
usage-not-a-number = không phải là số
usage-missing-argument = còn thiếu tham số bắt buộc: { $args }
usage-missing-command = lệnh `{ $command }` cần một lệnh con: { $valid }
usage-conflict = tham số { $arg } không dùng được cùng với { $other }
usage-no-equals = tham số { $arg } cần dấu bằng khi gán giá trị
usage-too-many-values = giá trị `{ $value }` của { $arg } là thừa
usage-number-of-values = tham số { $arg } cần { $expected } giá trị nhưng chỉ có { $actual }
usage-invalid-utf8 = có tham số không phải là văn bản UTF-8 hợp lệ
usage-other = dùng lệnh không đúng cách (“{ $detail }”)
usage-did-you-mean = gợi ý: có phải ý bạn là `{ $suggestion }`?
usage-line = Cách dùng: { $usage }
usage-more = Xem thêm: `{ $command } --help`
usage-bad-lang = vanban không có ngôn ngữ `{ $value }`: dùng en hoặc vi

## Từ ngữ của phần trợ giúp (tiêu đề, chỗ điền)

usage-heading-usage = Cách dùng:
usage-heading-commands = Lệnh
usage-heading-arguments = Tham số
usage-heading-options = Tùy chọn
usage-value-command = LỆNH
usage-options-placeholder = [TÙY_CHỌN]
usage-default = [mặc định: { $value }]
usage-env = [biến môi trường: { $name }]
