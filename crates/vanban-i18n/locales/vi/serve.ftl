# vanban messages: the HTTP server (crates/vanban-serve) (vi)

serve-malformed = không đọc được nội dung gửi lên
serve-not-utf8 = nội dung gửi lên không phải văn bản UTF-8 (byte thứ { $byte })
serve-too-large = nội dung gửi lên lớn hơn { $limit } byte
serve-unsupported = kiểu nội dung { $found }: hãy gửi { $wanted }
serve-busy = mọi luồng xử lý đều bận và hàng đợi đã đầy; vui lòng thử lại sau ít phút
serve-timeout = yêu cầu xử lý quá { $seconds } giây
serve-slow-client = nội dung gửi lên không đến kịp trong { $seconds } giây
serve-not-found = không có đường dẫn này; danh sách có tại GET /v1/openapi.json
serve-no-file-here = không có tệp này
serve-no-template = không có mẫu `{ $name }`; danh sách có tại GET /v1/templates
serve-no-example = mẫu `{ $name }` không có số liệu ví dụ
serve-invalid-input = dữ liệu chưa tạo được văn bản hợp lệ
serve-data-unusable = không dùng được số liệu
serve-data-unfit = số liệu không khớp với mẫu
serve-no-data = hãy gửi số liệu trong phần `data` của biểu mẫu
serve-no-file = hãy gửi tệp DOCX hoặc PDF dưới dạng một phần tệp của biểu mẫu
serve-from-outside = `from: { $file }` phải là tên một tệp gửi kèm số liệu (chỉ tên tệp, không có thư mục)
serve-unreadable = { $file }: không đọc được: { $why }
serve-unauthorized = hãy gửi mã truy cập của máy chủ: Authorization: Bearer TOKEN
serve-internal = { $why }
serve-no-register = máy chủ chạy không có sổ đăng ký: hãy khởi động với --db

serve-with-cell = { $why } ({ $cell })
