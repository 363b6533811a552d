# vanban messages: core (vi)

## Giới hạn (crates/vanban/src/limits.rs)

limit-exceeded = { $found }, vượt quá giới hạn { $limit } (nâng giới hạn bằng --{ $flag })
field-length = dài { $length } ký tự

## Kiểm tra dữ liệu đầu vào (crates/vanban/src/validate.rs)

char-line-break = ký tự xuống dòng
char-tab = ký tự tab
char-carriage-return = ký tự về đầu dòng (chỉ dùng ký tự xuống dòng)
char-control = ký tự điều khiển
char-noncharacter = mã không phải ký tự
character-not-allowed = không được dùng { $what } U+{ $code } ở ký tự thứ { $index }
characters-more-not-allowed = còn { $count } ký tự khác không được dùng
field-empty = không được để trống
field-required = là thông tin bắt buộc
field-one-line = phải viết trên một dòng
date-year-range = năm { $year } nằm ngoài khoảng cho phép (1945–9999)
drafter-placement = `{ $value }` không phải là vị trí hợp lệ; dùng `lưu` (cuối dòng Lưu) hoặc `riêng` (dòng riêng)
recipient-name-and-group = có cả `name` và `group`: ghi một tên, hoặc một nhóm gồm nhiều nơi nhận
recipient-needs-name = cần có `name` (một nơi nhận) hoặc `group` (nhiều nơi nhận có chung ghi chú)
recipient-note-empty = không được để trống (bỏ trường này nếu không có ghi chú)
recipient-note-line-and-brace = có cả `note_line` và `brace`: ghi chú chỉ đặt dưới tên hoặc bên cạnh dấu ngoặc
recipient-note-line-without-note = có `note_line` nhưng không có `note` để đặt trên dòng đó
recipient-brace-without-group = có `brace` nhưng không có `group` từ hai tên trở lên để dấu ngoặc gộp lại
count-too-large = { $value } quá lớn (tối đa { $max })
count-below-one = phải từ 1 trở lên, không phải { $value } (số thứ tự bắt đầu từ 01{ $number ->
        [yes] ; bỏ trường `number` để chừa chỗ trống ghi số sau khi ký
       *[no] {""}
    })
kind-required = là thông tin bắt buộc, ví dụ `ke-hoach` hoặc `bao-cao`
kind-unknown = không có loại văn bản `{ $value }`; dùng một trong các loại: { $known }
symbol-form = không được để trống và không có dấu cách, ví dụ `KH-VP`
symbol-prefix = ký hiệu của { $kind } bắt đầu bằng `{ $abbreviation }-` (Phụ lục III), không phải `{ $symbol }`
issuer-abbreviation-required = là thông tin bắt buộc để tạo ký hiệu (ví dụ `VP` trong `KH-VP`)
no-spaces = không được có dấu cách
issuer-unit-required = ký hiệu của { $kind } có dạng cơ quan-đơn vị (ví dụ `UBND-VX`): cần ghi đơn vị soạn thảo
at-file-line = {" "}(dòng { $line } của tệp)
at-body-line = {" "}(dòng { $line } của nội dung)
appendix-order = Phụ lục phải đánh số theo thứ tự: có Phụ lục { $typed } ở chỗ của Phụ lục { $expected }{ $place }
appendix-title-missing = tiêu đề `# Phụ lục:` cần có tên phụ lục sau dấu hai chấm (`# Phụ lục: Danh sách thành viên`){ $place }
appendix-kind-unknown = `{ $value }` không phải là loại văn bản có tên loại (ví dụ `quy-che`, `quy-dinh`) mà Quyết định có thể ban hành kèm theo
appendix-kind-only-quyet-dinh = chỉ Quyết định mới ban hành kèm theo văn bản có tên loại riêng (mẫu 1.3); bỏ trường `kind` đối với Phụ lục
bases-twice = căn cứ vừa được gõ ở đầu nội dung vừa được ghi trong `bases`: chỉ giữ một nơi (vanban in `bases` phía trên `QUYẾT ĐỊNH:`)
authority-line-twice = dòng `{ $typed }` ở đầu nội dung là dòng thẩm quyền ban hành, nhưng `authority_line` là `{ $given }`: chỉ giữ một nơi
body-line = dòng { $line } của nội dung{ $place }: { $message }
table-columns-limit = bảng { $table } có { $columns } cột, vượt quá giới hạn { $limit }: các cột sẽ hẹp hơn một từ (nâng giới hạn bằng --max-table-columns)
implementers-missing = điều cuối cùng ({ $label } { $title }) phải nêu cơ quan, người thi hành { $kind } (ví dụ `Chánh Văn phòng …, Giám đốc Sở … chịu trách nhiệm thi hành { $kind } này./.`)
signer-required = là thông tin bắt buộc (chức vụ và họ tên người ký)
authority-prefix = phải bắt đầu bằng một trong các chữ { $prefixes } (Điều 13 Nghị định 30), không phải `{ $prefix }`
urgency-unknown = `{ $value }` không phải là một trong các mức độ khẩn hoa-toc, thuong-khan, khan
secrecy-unknown = `{ $value }` không phải là một trong các mức độ mật mat, toi-mat, tuyet-mat
style-preset = phải là 13 hoặc 14, không phải { $value }
style-margin-range = { $value } mm nằm ngoài khoảng { $min }–{ $max } mm của Nghị định
style-indent = { $value } mm: Nghị định quy định lùi đầu dòng 10 hoặc 12,7 mm
style-line-spacing = { $value }: Nghị định cho phép khoảng cách dòng từ đơn (1,0) đến 1,5 dòng
style-paragraph-spacing = { $value } pt: tối thiểu 6 pt (và tối đa 24 pt)
style-hoa-spelling = `{ $value }` không phải là HÒA hay HOÀ
cong-dien-authority-required = là thông tin bắt buộc đối với Công điện: người gửi (`THỦ TƯỚNG CHÍNH PHỦ` được in là `THỦ TƯỚNG CHÍNH PHỦ điện:`)
cong-dien-addressees-required = là thông tin bắt buộc đối với Công điện: các nơi nhận điện, liệt kê dưới dòng `… điện:`
secretary-only-bien-ban = chỉ Biên bản mới có thư ký ký bên cạnh chủ tọa (mẫu 1.9), { $kind } thì không
secretary-required = là thông tin bắt buộc đối với Biên bản: thư ký (THƯ KÝ) ký bên trái chủ tọa (CHỦ TỌA, `signer`)
confirmation-with-secretary = không dùng cùng `secretary`: cả hai đều đặt ở vị trí bên trái người ký

## Nội dung viết bằng Markdown (crates/vanban/src/body.rs, preamble.rs)

heading-level = Nghị định không dùng đề mục cấp { $level }; dùng # (I.), ## (1.) hoặc ### (a))
heading-title-missing = đề mục phải có tên (Nghị định yêu cầu)
points-too-many = quá { $count } điểm (`###`) liên tiếp: các điểm theo Nghị định chỉ đánh chữ từ a) đến y); hãy mở khoản mới (`##`) hoặc dùng gạch đầu dòng (`- `)
article-order = các điều phải đánh số theo thứ tự: có Điều { $typed } ở chỗ của Điều { $expected }
enacting-line-typed = dòng `{ $word }:` do vanban in một lần, giữa phần căn cứ và điều đầu tiên; hãy xóa dòng này
enacting-line-other = { $kind } dùng `{ $own }:`, không dùng `{ $word }:` (vanban tự in dòng này; hãy xóa dòng này)
preamble-not-basis = `{ $shown }…` đứng trước `{ $own }:` nhưng không phải là căn cứ (dòng mở đầu bằng { $openers }); ghi căn cứ trong `bases` (mỗi căn cứ một mục), dòng thẩm quyền trong `authority_line`, và bắt đầu nội dung bằng `# Điều 1. …`

## Ngày tháng và tệp (crates/vanban/src/date.rs, source.rs)

date-year-outside = năm { $year } nằm ngoài khoảng 1900–2999
date-month = không có tháng { $month }
# As the decree writes dates: `ngày 08 tháng 3`, months 1 and 2 as `01`, `02`.
date-no-day = không có ngày { NUMBER($day, minimumIntegerDigits: 2) } tháng { $month ->
        [1] 01
        [2] 02
       *[other] { $month }
    } năm { $year } (tháng { $month ->
        [1] 01
        [2] 02
       *[other] { $month }
    } năm { $year } có { $last } ngày)
date-not-a-date = `{ $value }` không phải là ngày tháng; viết theo dạng YYYY-MM-DD, ví dụ 2024-03-08
input-format-unknown = không nhận dạng được định dạng tệp; dùng tệp .yaml, .yml, .json hoặc .toml

## Phông chữ (crates/vanban/src/coverage.rs)

font-missing-char = phông chữ không có ký tự U+{ $code }; dùng --fonts với phông chữ có ký tự này
font-missing-char-faces = kiểu chữ { $faces } của phông chữ không có ký tự U+{ $code }; dùng --fonts với phông chữ có ký tự này
font-missing-in-line = { $missing } (trong `{ $line }`)
font-missing-more = còn { $count } ký tự khác không có trong phông chữ
face-regular = thường
face-bold = đậm
face-italic = nghiêng
face-bold-italic = đậm nghiêng
list-pair = { $first }, { $second }
# Hai phần nối tiếp nhau (Message::concat, join, at).
concat-pair = { $first }{ $second }

## Đọc tệp trong giới hạn (crates/vanban/src/limits.rs, zip_limits.rs)

file-cannot-read = không đọc được tệp: { $reason }
file-too-large = tệp lớn hơn giới hạn { $limit } byte (nâng giới hạn bằng --max-file-bytes)
file-not-utf8 = không phải văn bản UTF-8 (byte không hợp lệ ở vị trí { $offset }); hãy lưu tệp dưới dạng UTF-8
nesting-too-deep = danh sách và ánh xạ lồng nhau { $depth } cấp, vượt quá giới hạn { $max } (nâng giới hạn bằng --max-depth)
zip-not-a-package = không phải là gói zip: { $reason }
zip-part = phần { $index }: { $reason }
zip-cannot-inflate = { $name }: không giải nén được: { $reason }
zip-inflated-limit = gói giải nén ra lớn hơn giới hạn { $limit } byte (đến phần `{ $name }`; nâng giới hạn bằng --max-inflated-bytes)
zip-inflate-ratio = phần `{ $name }` giải nén ra lớn hơn { $ratio } lần { $compressed } byte nén của nó

## Lỗi của trình đọc YAML, JSON, TOML (crates/vanban/src/source.rs)

syntax-error-yaml = nội dung YAML sai cú pháp hoặc sai kiểu dữ liệu tại vị trí này; trình đọc YAML báo: “{ $detail }”
syntax-error-json = nội dung JSON sai cú pháp hoặc sai kiểu dữ liệu tại vị trí này; trình đọc JSON báo: “{ $detail }”
syntax-error-toml = nội dung TOML sai cú pháp hoặc sai kiểu dữ liệu tại vị trí này; trình đọc TOML báo: “{ $detail }”
syntax-error-hint = { $error }{ $hint }
syntax-hint-landscape-where = ; trang ngang chỉ dùng cho Phụ lục: `appendices: [{"{"}title: …, body: …, landscape: true{"}"}]` hoặc `# Phụ lục (ngang): …` trong phần nội dung
syntax-hint-landscape-bool = : ghi `landscape: true` hoặc `landscape: false`
syntax-hint-number-as-printed = : chỉ ghi số thứ tự, không đặt trong dấu ngoặc kép (`number: 5` in ra `05`; ký hiệu lấy theo loại văn bản và cơ quan ban hành)
syntax-not-whole = { $field }phải là số nguyên, không phải { $value }
syntax-below-one = { $field }phải từ 1 trở lên, không phải -{ $value }
syntax-too-large = { $field }{ $value } quá lớn (tối đa { $max })

## Tệp phông chữ (crates/vanban/src/metrics.rs)

font-unusable = không dùng được làm phông chữ (trình đọc phông chữ báo: “{ $reason }”)
font-no-unicode = phông chữ không có ký tự Unicode nào
font-face-regular = kiểu thường
font-face-bold = kiểu đậm
font-face-italic = kiểu nghiêng
font-face-bold-italic = kiểu đậm nghiêng
font-face = phông chữ { $face }: { $why }
