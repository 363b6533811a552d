# vanban messages: report (vi)

## Lỗi mẫu văn bản (crates/vanban-report/src/error.rs)

template-name = mẫu `{ $name }`
template-at = {" "}dòng { $line }, cột { $column }
template-data = , dữ liệu `{ $path }`

## Số liệu và giá trị trong dữ liệu (crates/vanban-report/src/numbers.rs, format.rs)

number-format-unknown = dữ liệu `number_format`: `{ $value }` không phải là `vi` (1.234.567,8, mặc định) hay `en` (1,234,567.8)
number-format-type = dữ liệu `number_format`: ghi `vi` (1.234.567,8, mặc định) hoặc `en` (1,234,567.8)
number-not-a-number = `{ $value }` không phải là số
number-expected = cần một số, nhưng gặp { $found }
number-not-vietnamese = `{ $value }` không phải là số viết theo cách Việt Nam (dấu `.` phân cách hàng nghìn, dấu `,` trước phần thập phân: 1.234.567,8); nếu viết theo cách tiếng Anh thì đó là { $meant }: hãy ghi `{ $meant }`, hoặc đặt `number_format: en` cho toàn bộ dữ liệu
number-not-english = `{ $value }` không phải là số viết theo cách tiếng Anh (dấu `,` phân cách hàng nghìn, dấu `.` trước phần thập phân: 1,234,567.8, như `number_format: en` yêu cầu); nếu viết theo cách Việt Nam thì đó là { $meant }
date-expected = cần ngày tháng dạng 2024-03-07, nhưng gặp { $found }
value-null = giá trị rỗng (null)
value-bool = giá trị đúng/sai
value-number = một số
value-text = văn bản
value-list = một danh sách
value-object = một đối tượng

## Tổng hợp số liệu các đơn vị (crates/vanban-report/src/rollup.rs)

rollup-base-not-mapping = dữ liệu gốc phải là một tập hợp các trường (ánh xạ)
rollup-base-has-indicators = dữ liệu gốc đã có `indicators`; khi tổng hợp, các chỉ tiêu được lập từ dữ liệu của các đơn vị (hãy bỏ trường này)
rollup-weights-not-map = `weights` phải ánh xạ tên chỉ tiêu sang trường trọng số, ví dụ {"{"}Tỷ lệ hộ nghèo: households{"}"}
rollup-no-units = không có đơn vị nào để tổng hợp
rollup-unit-twice = đơn vị { $unit } ({ $name }) được liệt kê hai lần: đó cũng là đơn vị { $first }
rollup-unit = đơn vị { $unit } ({ $name })
rollup-weight-field = dữ liệu `indicators.{ $index }.weight`: phải là tên một trường trong dữ liệu của đơn vị, ví dụ households (số hộ)
rollup-indicator-twice = dữ liệu `indicators.{ $index }.name`: `{ $name }` xuất hiện hai lần
rollup-unit-indicator = đơn vị { $unit } ({ $name }), chỉ tiêu `{ $indicator }`
rollup-unit-differs = { $at }: đơn vị tính `{ $mine }` khác với `{ $other }` ở một đơn vị khác
rollup-measure-differs = { $at }: được đo là { $mine ->
        [amount] số lượng
        [count] số đếm
        [rate] tỷ lệ
        [score] điểm số
        [index] chỉ số
        [age] tuổi
       *[other] loại khác
    }, ở một đơn vị khác là { $other ->
        [amount] số lượng
        [count] số đếm
        [rate] tỷ lệ
        [score] điểm số
        [index] chỉ số
        [age] tuổi
       *[other] loại khác
    }
rollup-direction-differs = { $at }: chiều hướng khác với ở một đơn vị khác
rollup-weight-differs = { $at }: lấy trọng số theo `{ $mine }`, một đơn vị khác theo `{ $other }`
rollup-needs-weight = chỉ tiêu `{ $indicator }` tính bằng `{ $unit }`, là { $measure ->
        [amount] số lượng
        [count] số đếm
        [rate] tỷ lệ
        [score] điểm số
        [index] chỉ số
        [age] tuổi
       *[other] loại khác
    }, không bao giờ được cộng dồn: hãy ghi `weight: TRƯỜNG` (một số có trong dữ liệu của từng đơn vị, ví dụ households hoặc population) để tính bình quân gia quyền
rollup-weight-bad = { $at }: trường trọng số `{ $field }`: { $reason }
rollup-no-field = dữ liệu của đơn vị không có trường này
rollup-negative = { $value } là số âm
rollup-near-miss = chỉ tiêu `{ $first }` (các đơn vị { $first_units }) và `{ $second }` (các đơn vị { $second_units }) được tính riêng dù tên gần như giống nhau; nếu là cùng một chỉ tiêu, hãy viết tên giống nhau ở mọi đơn vị

## Trang tính và ô (crates/vanban-report/src/sheet.rs)

xls-damaged = không đọc được sổ tính .xls (cấu trúc tệp phức hợp bị hỏng)
xls-no-signature = không phải sổ tính .xls (không có chữ ký tệp phức hợp)
xls-no-workbook-stream = không phải sổ tính .xls (không có luồng Workbook)
sheet-workbook-bytes = sổ tính có { $bytes } byte
sheet-not-found = không có trang tính `{ $name }`; các trang tính hiện có: { $names }
sheet-none = sổ tính không có trang tính nào
sheet-name = trang tính `{ $name }`
sheet-cell = ô { $cell } của trang tính `{ $sheet }`
sheet-cells = các ô { $cells } của trang tính `{ $sheet }`
sheet-field = , trường `{ $field }`
sheet-formula-unsaved = ô chứa công thức chưa được lưu kết quả (tệp do một chương trình không tính công thức tạo ra): hãy mở và lưu lại bằng Excel hoặc LibreOffice, hoặc nhập trực tiếp giá trị
sheet-header-not-name = ô tiêu đề phải là tên trường, nhưng gặp { $found }
sheet-value-without-header = có giá trị ở cột không có tên trường trong dòng tiêu đề (dòng { $row })
sheet-header-twice = { $first } và { $second } cùng có tiêu đề `{ $header }`; hãy đổi tên một cột để không mất giá trị nào
sheet-header-depth = tiêu đề lồng nhau { $depth } cấp
sheet-duration = khoảng thời gian không phải là giá trị có thể đưa vào văn bản
sheet-cell-error = ô chứa lỗi { $error }
sheet-the-number = số { $value }
sheet-the-value = giá trị { $value }
sheet-reader-error = không đọc được sổ tính; trình đọc sổ tính báo: “{ $detail }”

## Sổ tính của cơ quan (crates/vanban-report/src/workbook.rs)

workbook-column = , cột `{ $column }`
workbook-column-unknown = cột `{ $header }` không phải là trường của chỉ tiêu; hãy khai báo trong `columns:` ({"{"}"{ $header }": note{"}"}, hoặc `-` để bỏ qua cột này)
workbook-data-path = dữ liệu `{ $path }`,{" "}
workbook-row-needs-name = trang tính `{ $sheet }`, dòng { $row }: dòng có số liệu phải ghi tên chỉ tiêu ở cột `Chỉ tiêu`
workbook-wrong-year = `{ $text }` là số liệu năm { $year }, nhưng báo cáo là của năm { $want }
workbook-field-twice = trang tính `{ $sheet }`: các ô { $cells } đều ứng với trường `{ $field }`; chỉ giữ một ô, hoặc khai báo các ô khác trong `columns:`

## Tệp dữ liệu và các dòng (crates/vanban-report/src/data.rs)

data-format-unknown = không đọc được dữ liệu từ tệp `.{ $suffix }`; dùng tệp .yaml, .json hoặc .toml
data-not-mapping = dữ liệu phải là một tập hợp các trường (ánh xạ)
data-field = trường `{ $field }`
data-line = dòng { $line }
data-sheet-not-workbook = chỉ chọn được trang tính (`{ $name }`) trong sổ tính (.xlsx, .xls, .ods)
data-rows-format-unknown = không đọc được các dòng từ tệp `.{ $suffix }`; dùng tệp .csv, .jsonl, .yaml, .json, .xlsx, .xls hoặc .ods
data-columns = các cột { $columns }
data-column = cột { $column }
data-row-cells = dòng có { $cells } ô, dòng tiêu đề có { $header } ô
data-not-json = không phải JSON: { $reason }
data-not-utf8 = không phải UTF-8: { $reason }
data-not-list = cần một danh sách các mục
data-index-and-field = cột `{ $column }` vừa dùng chỉ số danh sách vừa dùng tên trường
data-index-too-large = chỉ số danh sách { $index } quá lớn
data-field-and-index = cột `{ $column }` vừa dùng tên trường vừa dùng chỉ số danh sách
data-sheet-not-text = `sheet` phải là tên trang tính, ghi dạng văn bản
data-columns-not-map = `columns` ánh xạ nội dung ô tiêu đề sang một trường: {"{"}"Số liệu năm nay": actual{"}"}
data-csv-error = không đọc được dữ liệu CSV; trình đọc CSV báo: “{ $detail }”

## Chỉ tiêu (crates/vanban-report/src/indicators.rs, measure.rs)

data-at = dữ liệu `{ $path }`
indicator-not-mapping = dữ liệu `{ $path }`: mỗi chỉ tiêu là một tập hợp các trường name, unit, plan, actual
indicator-must-be-text = phải là văn bản
indicator-needs-name = mỗi chỉ tiêu phải có tên
indicator-direction = `{ $value }` không phải là `tăng` (càng nhiều càng tốt) hay `giảm` (càng ít càng tốt)
indicator-yes-no = `{ $value }` không phải là có (x, có, 1, true) hay không (để trống, không, 0, false)
indicator-yes-no-type = ghi x, có, 1 hoặc true nếu có; để trống nếu không
indicator-list-expected = dữ liệu `{ $path }`: cần một danh sách các chỉ tiêu
subtotal-not-marked = thuộc nhóm nhưng không được đánh dấu `subtotal` (một nhóm chỉ được cộng khi cộng toàn bộ)
subtotal-not-summable = là { $measure ->
        [amount] số lượng
        [count] số đếm
        [rate] tỷ lệ
        [score] điểm số
        [index] chỉ số
        [age] tuổi
       *[other] loại khác
    } (`{ $unit }`): không cộng được
subtotal-other-quantity = không cùng loại số liệu với `{ $first }` ({ $first_path }: `{ $first_unit }`, ở đây là `{ $unit }`)
subtotal-cannot = dữ liệu `{ $path }`: không cộng được nhóm `{ $group }`: `{ $name }` { $why }
measure-unknown = `{ $value }` không phải là cách đo; ghi amount (giá trị), count (số lượng), rate (tỷ lệ), score (điểm), index (chỉ số), age (tuổi) hoặc other (khác)

## Mẫu văn bản (crates/vanban-report/src/lib.rs)

template-folder-open = không mở được thư mục mẫu
template-folder-read = không đọc được thư mục mẫu
template-outside-folder = trỏ ra ngoài thư mục mẫu
template-not-found = không có mẫu này; các mẫu hiện có: { $known }
template-data-not-object = dữ liệu phải là một đối tượng (tập hợp các trường)
template-header-invalid = phần đầu do mẫu tạo ra không phải là dữ liệu đầu vào hợp lệ: { $problem } (dòng { $line_number } của phần đầu: `{ $line }`)
template-header-body = phần đầu không được đặt `body`: nội dung là phần Markdown sau dấu `---` thứ hai
template-header-unquoted = `{ $expression }` trong phần đầu phải đặt trong dấu ngoặc kép ("…"), hoặc viết {"{{"}json …{"}}"} / {"{{"}int …{"}}"}, để dữ liệu không làm hỏng YAML
template-data-depth = dữ liệu lồng nhau quá { $max } cấp
template-number-too-large = số { $value } quá lớn (tối đa 15 chữ số)
template-document-invalid = văn bản được tạo ra không hợp lệ

## Giới hạn của mẫu và sổ tính (crates/vanban-report/src/budget.rs, book.rs, xls_limits.rs)

limit-template-depth = các khối và biểu thức con lồng nhau { $depth } cấp
limit-template-work = các danh sách của mẫu ({"{{"}#each{"}}"}) đòi hỏi nhiều xử lý hơn
limit-template-text = mẫu tạo ra nhiều chữ hơn mức một trường được chứa
limit-cells-span = các ô trải từ { $from } đến { $to } ({ $cells } ô)
limit-shared-strings-declared = xl/sharedStrings.xml: khai báo { $count } chuỗi dùng chung
limit-shared-strings-more = xl/sharedStrings.xml: thêm chuỗi dùng chung
limit-sheet-cells = trang tính `{ $sheet }`: các ô trải trên { $rows } dòng × { $columns } cột ({ $cells } ô; cả sổ tính đến nay có { $total } ô)
limit-xls-sheet-cells = trang tính { $sheet }: các ô trải từ { $from } đến { $to } ({ $cells } ô; cả sổ tính đến nay có { $total } ô)

## Mẫu con (crates/vanban-report/src/partials.rs)

partials-too-deep = các mẫu con lồng nhau { $depth } cấp, vượt quá giới hạn { $max }
partials-loop = các mẫu con gọi lẫn nhau thành vòng lặp: { $chain }; mẫu con không được tự gọi chính nó
partials-chain-too-deep = các mẫu con lồng nhau vượt quá giới hạn { $max } cấp: { $chain }

## Lỗi của trình đọc trên dữ liệu (crates/vanban-report/src/data.rs)

data-syntax-yaml = không đọc được dữ liệu YAML; trình đọc YAML báo: “{ $detail }”
data-syntax-json = không đọc được dữ liệu JSON; trình đọc JSON báo: “{ $detail }”
data-syntax-toml = không đọc được dữ liệu TOML; trình đọc TOML báo: “{ $detail }”

## Hàm của mẫu (crates/vanban-report/src/helpers.rs, report_helpers.rs; lib.rs render_error)

template-helper-failed = hàm {"{{"}{ $helper }{"}}"}: { $why }
template-in-partial = trong mẫu con `{ $partial }`: { $why }
template-no-such-field = dữ liệu không có trường này (với trường không bắt buộc, đặt trong {"{{"}#if field{"}}"}…{"{{"}/if{"}}"})
helper-argument-required = thiếu đối số thứ { $index }
helper-missing = không có trong dữ liệu
helper-decimals = decimals= phải là số nguyên từ 0 đến 10
helper-cite-object = cần một đối tượng có kind, number, date, issuer
helper-cite-field-text = `{ $key }` phải là văn bản, không phải { $found }
helper-cite-kind-missing = thiếu `kind` (ví dụ: Kế hoạch)
helper-cite-date = `date`: { $why }
helper-whole-not-negative = phải là số nguyên, từ 0 trở lên
helper-roman-range = phải là số nguyên từ 1 đến 3999
helper-list-expected = cần một danh sách
helper-sum-field-text = tên trường phải là văn bản, ví dụ "plan"
helper-sum-item = mục { $at }: { $why }
helper-result-too-large = kết quả quá lớn (tối đa 15 chữ số)
helper-text-expected = cần văn bản, không phải { $found }
helper-whole = phải là số nguyên
helper-except-text = except= phải là văn bản

## Danh sách trường đóng (crates/vanban-report/src/closed.rs, refuse.rs)

closed-unknown-meant = `{ $path }` (có phải ý bạn là `{ $meant }`? các trường được dùng ở đây: { $allowed })
closed-unknown = `{ $path }` (các trường được dùng ở đây: { $allowed })
refuse-no-such-field = mẫu không có trường này: { $fields } (`vanban templates` liệt kê các trường của mẫu)
refuse-needed = dữ liệu thiếu trường mẫu cần: { $fields }
refuse-zero-number = 0 không phải là số trong sổ đăng ký; để chừa chỗ trống (ghi số sau khi ký), bỏ trường `number`
list-then = { $head }; { $tail }

## Mẫu: lời của handlebars, số liệu chỉ tiêu (crates/vanban-report/src/lib.rs)

template-syntax = mẫu viết sai cú pháp handlebars; trình đọc mẫu báo: “{ $detail }”
indicators-problems = số liệu các chỉ tiêu có { $count } lỗi:{ $list }
