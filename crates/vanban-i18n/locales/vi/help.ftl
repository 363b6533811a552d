# vanban messages: the command line's help (vi)

## Lệnh

cli-about = Văn bản hành chính trình bày đúng thể thức Nghị định 30/2020/NĐ-CP
cli-after-help = Mã thoát: 0 thành công, 1 dữ liệu đầu vào sai, 2 dùng lệnh sai hoặc không đọc được tệp, 143/130 bị dừng bởi SIGTERM/SIGINT.
    Ví dụ: vanban render examples/ke-hoach-1026.yaml -o out/
cli-about-help = In phần trợ giúp này hoặc phần trợ giúp của lệnh con đã nêu
cli-about-render = Tạo văn bản từ các tệp đầu vào (.yaml, .yml, .json, .toml)
cli-about-templates = Liệt kê các mẫu và các trường dữ liệu mỗi mẫu dùng
cli-about-batch = Tạo một văn bản cho mỗi mục của tệp dữ liệu (.csv, .jsonl, hoặc danh sách .yaml/.json) theo một mẫu, song song
cli-about-rollup = Tổng hợp số liệu cuối năm của các đơn vị thành một báo cáo (cộng các số tiền, bình quân gia quyền các tỷ lệ) kèm bảng theo từng đơn vị
cli-about-check = Kiểm tra các tệp đầu vào và in mọi lỗi; không ghi tệp nào. Với --template, đầu vào là tệp dữ liệu (hoặc tệp nhiều dòng, như lệnh batch), được kiểm tra như khi tạo văn bản
cli-about-schema = In JSON Schema của định dạng đầu vào (để trình soạn thảo gợi ý)
cli-about-lint = Kiểm tra tệp DOCX hoặc PDF (do bất kỳ ai soạn) theo Nghị định 30; mã thoát 1 khi có lỗi, 2 khi không đọc được tệp
cli-about-serve = Chạy API HTTP (cho hệ thống quản lý văn bản điện tử) và trang web (cho văn thư) cho đến khi nhận SIGTERM hoặc Ctrl-C
cli-about-register = Sổ đăng ký văn bản của cơ quan: cấp số, sổ văn bản đi và sổ văn bản đến, lưu trong SQLite hoặc PostgreSQL
cli-about-register-init = Tạo sổ đăng ký: `--db so-dang-ky.db` hoặc `--db postgres://…`
cli-about-register-info = Thiết lập của sổ đăng ký và số cuối cùng đã cấp của mỗi dãy số
cli-about-register-issue = Cấp số, vào sổ và tạo tệp cho các văn bản chưa có số (và ngày)
cli-about-register-reserve = Giữ số tiếp theo cho văn bản ký trên giấy
cli-about-register-void = Hủy một số, kèm lý do; số đã hủy vẫn nằm trong sổ
cli-about-register-render = Ghi lại các tệp của một mục (sau khi tạo tệp bị lỗi hoặc bị ngắt)
cli-about-register-list = Liệt kê các mục trong sổ (mặc định là sổ văn bản đi)
cli-about-register-search = Tìm mục theo từ ngữ (trích yếu, ký hiệu, người ký, nơi nhận)
cli-about-register-show = Một mục, đầy đủ mọi trường
cli-about-register-verify = Tính lại mã băm của các tệp đã lưu; báo tệp bị thay đổi hoặc bị thiếu (mã thoát 1)
cli-about-register-import = Nhập sổ đăng ký đã có của năm (.xlsx, .ods, .xls hoặc .csv) với chính các số trong sổ: nhập tất cả các dòng hoặc không dòng nào
cli-about-register-receive = Vào sổ văn bản đến (DOCX hoặc PDF): cấp số đến tiếp theo
cli-about-register-export = In sổ đăng ký của một năm (văn bản đi hoặc văn bản đến) ra PDF, DOCX và .xlsx
cli-about-sign = Ký số tệp PDF (PAdES, cập nhật nối tiếp): người có thẩm quyền ký trước, cơ quan ký sau. Mật khẩu khóa: $VANBAN_P12_PASSWORD, hoặc nhập khi được hỏi
cli-about-verify = Xác thực mọi chữ ký số của tệp PDF; mã thoát 1 khi có chữ ký bị hỏng, không bao trùm phần nó xác nhận, hoặc không có chữ ký nào (2: không đọc được tệp)
cli-about-copy = Sao văn bản (sao y, sao lục, trích sao): bản sao điện tử (ô 14: hình thức sao, tên cơ quan sao và thời gian ký ở góc trên bên phải trang 1, do cơ quan sao ký số) hoặc, với --paper, bản sao giấy (phần sao đặt dưới nội dung được sao)

## Tham số của mọi lệnh

cli-help-lang = Ngôn ngữ của thông báo: en (mặc định) hoặc vi (tiếng Việt); nếu không nêu, do LC_ALL, LC_MESSAGES hoặc LANG (vi_VN.UTF-8) quyết định
cli-help-help = In phần trợ giúp
cli-help-version = In số phiên bản

## Tham số có cùng nghĩa ở mọi lệnh

cli-help-inputs = Các tệp đầu vào
cli-help-output = Thư mục kết quả (tự tạo nếu chưa có)
cli-help-format = Định dạng kết quả, cách nhau bằng dấu phẩy: docx, pdf
cli-help-fonts = Phông chữ cho PDF thay cho phông Liberation Serif có sẵn: bốn tệp, THƯỜNG,ĐẬM,NGHIÊNG,ĐẬM_NGHIÊNG
cli-help-template = Mẫu văn bản (xem `vanban templates`)
cli-help-templates = Thư mục mẫu bổ sung hoặc thay thế các mẫu có sẵn
cli-help-sheet = Trang tính cần đọc của sổ tính (.xlsx, .xls, .ods); mặc định là trang đầu tiên
cli-help-json = In kết quả dưới dạng JSON
cli-help-year = Năm, khi số có trong sổ của nhiều năm
cli-help-entry = `12` (mã mục) hoặc `15/KH-VP`
cli-help-body = Cấp số theo dãy số riêng của hội đồng tư vấn này
cli-help-summary = Trích yếu nội dung
cli-help-reason = Lý do hủy số (được ghi trong sổ)
cli-help-sign = Ký số mỗi tệp PDF bằng khóa .p12 này: khóa thứ nhất của người ký, khóa thứ hai của cơ quan (mật khẩu: $VANBAN_P12_PASSWORD hoặc nhập khi được hỏi)
cli-help-pdfa = Ghi PDF theo chuẩn PDF/A-2b (ISO 19005-2) để lưu trữ
cli-help-data = Tệp dữ liệu
cli-help-jobs = Số văn bản được tạo cùng lúc; 0 là mỗi nhân một văn bản
cli-help-name-field = Trường dữ liệu dùng để đặt tên mỗi tệp (mặc định: MẪU-001 …)
cli-help-progress = Hiện tiến độ trên stderr kể cả khi không phải màn hình dòng lệnh (trên màn hình dòng lệnh luôn hiện)
cli-help-base = Số liệu riêng của huyện (cơ quan ban hành, năm, người ký …), không kèm chỉ tiêu
cli-help-units = Số liệu của các đơn vị: tệp .yaml/.json/.toml, hoặc tệp nhiều dòng (.csv, .jsonl, .xlsx, .xls, .ods: mỗi dòng một đơn vị)
cli-help-fix = Ghi một bản đã sửa của tệp DOCX (duy nhất) được đưa vào: phông chữ, cỡ chữ, kiểu chữ, lề, giãn dòng, thụt đầu dòng, số 0 ở đầu số và ngày; liệt kê những chỗ vẫn cần người sửa
cli-help-in-place = Đi kèm --fix: thay chính tệp DOCX (ghi tệp mới rồi đổi tên đè lên, chỉ khi mọi bước kiểm tra đều đạt)
cli-help-addr = Địa chỉ lắng nghe. Mọi địa chỉ khác loopback (127.0.0.1, ::1) đều cần --token
cli-help-token = Mã truy cập mà máy khách gửi trong `Authorization: Bearer TOKEN` ở các yêu cầu /v1/ (cũng đọc từ VANBAN_TOKEN)
cli-help-workers = Số văn bản được tạo cùng lúc; 0 là mỗi nhân một văn bản
cli-help-queue = Số yêu cầu được xếp hàng chờ; vượt quá thì nhận mã 503 kèm Retry-After
cli-help-timeout = Thời gian tối đa cho một yêu cầu, tính bằng giây (quá thì trả 503)
cli-help-read-timeout = Thời gian tối đa để máy khách gửi phần đầu, hoặc phần thân, của yêu cầu, tính bằng giây
cli-help-scheme = `shared` (một dãy số chung cho mọi loại văn bản) hoặc `per-kind` (theo từng loại)
cli-help-office = Tên cơ quan (in trên bìa sổ)
cli-help-bodies = Hội đồng tư vấn (Hội đồng, Ban, Tổ) có dãy số riêng; nêu lại cho mỗi hội đồng
cli-help-reserved = Hoàn tất số đã giữ trước này (`12` hoặc `15/KH-VP`) bằng văn bản đầu vào
cli-help-secret = Văn bản mật (có dãy số riêng)
cli-help-words = Từ ngữ cần tìm (trích yếu, ký hiệu, người ký, nơi nhận)
cli-help-file = Sổ đăng ký cần nhập (.xlsx, .ods, .xls hoặc .csv)
cli-help-issuer = Cơ quan ban hành, khi không đọc được từ tệp (hoặc để thay giá trị đọc được)
cli-help-document-date = Ngày của văn bản (YYYY-MM-DD), khi không đọc được từ tệp
cli-help-recipient = Đơn vị hoặc người nhận
cli-help-role = Ai ký: signer (người có thẩm quyền) hoặc office (cơ quan)
cli-help-attachment = Phụ lục là tệp riêng: dấu của cơ quan (số và ký hiệu này, cùng thời gian ký) cỡ chữ 10 ở góc trên bên phải trang 1
cli-help-tsa = Máy chủ cấp dấu thời gian RFC 3161: bản dựng này chưa hỗ trợ (bị từ chối, không ghi gì)
cli-help-trust = Các chứng thư tin cậy (PEM): chứng thư của người ký phải nối được đến một trong số đó
cli-help-by = Cơ quan sao (với --paper: `issuer.name` của phần sao)
cli-help-abbreviation = Chữ viết tắt tên cơ quan sao, cho ký hiệu bản sao (SY-UBND) khi có --db (với --paper: `issuer.abbreviation`)
cli-help-paper = Tạo bản sao giấy: phần sao (SAO Y, tên cơ quan sao, số, địa danh và ngày, người ký, dấu, Nơi nhận) đặt dưới nội dung được sao, lấy từ --block
cli-help-block = Phần sao của bản sao giấy (.yaml, .json, .toml): các trường phần đầu và phần chữ ký của văn bản (README, mục "Copies")

## Tham số của một lệnh

cli-help-render-fonts = Phông chữ cho PDF thay cho phông Liberation Serif có sẵn, ví dụ Times New Roman có bản quyền: bốn tệp, THƯỜNG,ĐẬM,NGHIÊNG,ĐẬM_NGHIÊNG
cli-help-render-template = Đọc đầu vào như dữ liệu của mẫu này (xem `vanban templates`)
cli-help-rollup-sheet = Trang tính của các tệp sổ tính của đơn vị; mặc định là trang đầu tiên
cli-help-check-template = Kiểm tra đầu vào như dữ liệu của mẫu này (xem `vanban templates`)
cli-help-check-sheet = Trang tính của các tệp dữ liệu dạng sổ tính; mặc định là trang đầu tiên
cli-help-check-fonts = Kiểm tra các phông chữ PDF này (THƯỜNG,ĐẬM,NGHIÊNG,ĐẬM_NGHIÊNG) có đủ mọi ký tự, thay cho phông Liberation Serif có sẵn
cli-help-lint-files = Các tệp DOCX hoặc PDF
cli-help-lint-json = In kết quả kiểm tra dưới dạng JSON (một mảng, mỗi tệp một đối tượng)
cli-help-serve-db = Sổ đăng ký của cơ quan (`vanban register init --db …`): tệp SQLite hoặc URL postgres://; thêm các đường dẫn /v1/register và nút "Cấp số" trên trang web
cli-help-serve-files = Thư mục ghi các văn bản được cấp số qua sổ đăng ký
cli-help-register-issue-date = Ngày ban hành (YYYY-MM-DD); mặc định là hôm nay theo giờ Việt Nam
cli-help-register-reserve-kind = Loại văn bản (`ke-hoach`, `KH`, `Kế hoạch`)
cli-help-register-reserve-symbol = Ký hiệu (`KH-VP`)
cli-help-register-reserve-date = Ngày của số được giữ (YYYY-MM-DD); mặc định là hôm nay theo giờ Việt Nam
cli-help-register-render-output = Thư mục khác với thư mục đã ghi trong sổ
cli-help-register-verify-year = Chỉ các tệp của năm này
cli-help-register-receive-files = Các tệp văn bản đến (DOCX hoặc PDF)
cli-help-register-receive-date = Ngày đến (YYYY-MM-DD); mặc định là hôm nay theo giờ Việt Nam
cli-help-register-receive-number = Số của văn bản, khi không đọc được từ tệp
cli-help-register-receive-symbol = Ký hiệu của văn bản (`KH-UBND` trong `15/KH-UBND`), khi không đọc được từ tệp
cli-help-register-receive-kind = Loại văn bản (`ke-hoach`, `KH`, `Kế hoạch`), khi không đọc được từ tệp
cli-help-register-export-year = Năm của sổ
cli-help-register-export-incoming = Sổ văn bản đến thay cho sổ văn bản đi
cli-help-register-export-output = Thư mục kết quả (tự tạo nếu chưa có)
cli-help-register-export-format = Định dạng: pdf, docx, xlsx
cli-help-sign-input = Tệp PDF cần ký
cli-help-sign-output = Tệp PDF đã ký (có thể chính là tệp đầu vào)
cli-help-sign-p12 = Khóa và chứng thư số (.p12 / .pfx)
cli-help-sign-time = Thời gian ký, theo ISO 8601 (2026-12-07T14:30:00+07:00); mặc định là lúc này
cli-help-verify-file = Tệp PDF đã ký
cli-help-verify-json = {"{"}"signatures": [{"{"}"signer", "role", "time", "intact", "covers_whole_file", "trusted"{"}"}, …]{"}"}
cli-help-copy-input = Văn bản cần sao (PDF)
cli-help-copy-output = Bản sao (PDF)
cli-help-copy-kind = sao-y, sao-luc hoặc trich-sao
cli-help-copy-p12 = Khóa của cơ quan sao (.p12); chỉ cho bản sao điện tử
cli-help-copy-number = Số của bản sao (05/SY-VP; với --paper có thể là 05)
cli-help-copy-db = Lấy số từ dãy số bản sao của sổ đăng ký (tệp hoặc URL postgres://) và ghi tệp bản sao vào sổ
cli-help-copy-time = Thời gian ký, theo ISO 8601; mặc định là lúc này
cli-help-copy-max-field-chars = Độ dài lớn nhất của một trường trong tệp --block, tính bằng ký tự [mặc định: 1.000.000]
cli-help-copy-max-depth = Số cấp lồng nhau nhiều nhất của danh sách và ánh xạ trong tệp --block [mặc định: 64]

## Nhóm tham số dùng chung cho nhiều lệnh

cli-help-db-args-db = Sổ đăng ký: tệp (SQLite) hoặc URL postgres://
cli-help-db-args-read-only = Chỉ mở để đọc (cho thanh tra, kiểm tra): mọi thay đổi đều bị từ chối
cli-help-db-args-busy-timeout = Thời gian chờ tối đa, tính bằng giây, khi sổ đang bị văn thư khác khóa
cli-help-db-args-durable = SQLite: ghi xuống đĩa ở mỗi lần ghi sổ, để kể cả khi mất điện cũng không mất số đã cấp (chậm hơn: mỗi số một lần ghi đĩa)
cli-help-filter-args-year = Chỉ các mục của năm này
cli-help-filter-args-kind = Loại văn bản (`ke-hoach`, `KH`, `Kế hoạch`)
cli-help-filter-args-incoming = Sổ văn bản đến
cli-help-image-args-image = Ảnh PNG hiển thị làm chữ ký (chữ ký của người ký hoặc con dấu)
cli-help-image-args-rect = Vị trí đặt ảnh, tính bằng điểm PDF từ góc dưới bên trái trang: X0,Y0,X1,Y1
cli-help-image-args-page = Trang đặt ảnh (1 là trang đầu)
cli-help-limit-args-max-file-bytes = Dung lượng lớn nhất của tệp đầu vào, tệp dữ liệu hoặc tệp mẫu được đọc, tính bằng byte [mặc định: 16 MiB]
cli-help-limit-args-max-font-bytes = Dung lượng lớn nhất của tệp phông chữ đọc qua --fonts, tính bằng byte [mặc định: 64 MiB]
cli-help-limit-args-max-field-chars = Độ dài lớn nhất của một trường, tính bằng ký tự [mặc định: 1.000.000]
cli-help-limit-args-max-depth = Số cấp lồng nhau nhiều nhất của danh sách và ánh xạ trong YAML/JSON/TOML [mặc định: 64]
cli-help-limit-args-max-partial-depth = Số cấp lồng nhau nhiều nhất của các mẫu con [mặc định: 16]
cli-help-limit-args-max-table-columns = Số cột nhiều nhất của một bảng trong nội dung [mặc định: 20]
cli-help-limit-args-max-cells = Số ô nhiều nhất mà một trang tính được trải ra (vùng ô đã dùng) [mặc định: 4.000.000]
cli-help-limit-args-max-inflated-bytes = Tổng dung lượng lớn nhất của các phần trong tệp nén zip (.xlsx, .ods) sau khi giải nén [mặc định: 256 MiB]
cli-help-limit-args-max-inflate-ratio = Tỷ lệ giải nén lớn nhất (sau/trước) của một phần zip trên 1 MiB [mặc định: 100]
cli-help-limit-args-max-template-depth = Số cấp lồng nhau nhiều nhất của các khối trong mẫu ({"{{"}#if{"}}"}, {"{{"}#each{"}}"}) [mặc định: 32]
cli-help-limit-args-max-template-work = Số bước nhiều nhất của một lần dựng mẫu (mục đã duyệt, KB đã ghi) [mặc định: 1.000.000]
cli-help-lint-limit-args-max-file-bytes = Dung lượng lớn nhất của tệp được đọc, tính bằng byte [mặc định: 16 MiB]
cli-help-lint-limit-args-max-part-bytes = Dung lượng lớn nhất của một phần DOCX sau khi giải nén, hoặc một luồng PDF sau khi giải mã, tính bằng byte [mặc định: 64 MiB]
cli-help-lint-limit-args-max-inflate-ratio = Tỷ lệ giải nén lớn nhất (sau/trước) của một phần DOCX trên 1 MiB [mặc định: 1000]
cli-help-lint-limit-args-max-xml-depth = Số cấp lồng nhau nhiều nhất của phần tử XML trong một phần DOCX [mặc định: 256]
cli-help-lint-limit-args-max-xml-nodes = Số nút XML nhiều nhất trong một phần DOCX [mặc định: 4.000.000]
cli-help-lint-limit-args-max-nesting = Số cấp lồng nhau nhiều nhất của bảng, hộp văn bản, lệnh `q` và mảng của PDF [mặc định: 64]
cli-help-lint-limit-args-max-page-operators = Số toán tử (và ký tự) nhiều nhất trong một trang PDF [mặc định: 1.000.000]
cli-help-lint-limit-args-max-operators = Số toán tử nhiều nhất trong cả tệp PDF [mặc định: 20.000.000]
cli-help-lint-limit-args-max-pages = Số trang nhiều nhất của tệp PDF [mặc định: 10.000]
cli-help-lint-limit-args-max-font-entries = Số mã nhiều nhất mà bảng độ rộng hoặc bảng ToUnicode của một phông PDF bao gồm [mặc định: 1.048.576]
