# vanban messages: output (vi)

## Tạo và ghi tệp (crates/vanban-output/src/error.rs, render.rs)

output-unknown-format = không có định dạng `{ $name }` (dùng docx, pdf)
output-no-format = chưa chọn định dạng đầu ra
output-no-suffix = { $path }: tên tệp phải có đuôi .docx hoặc .pdf
output-fonts = fonts (phông chữ): { $reason }
output-render = không tạo được tệp { $format }: { $reason }
output-io = { $path }: { $reason }
fonts-four-files = cần bốn tệp phông chữ, THƯỜNG,ĐẬM,NGHIÊNG,ĐẬM NGHIÊNG; mới có { $count }
font-too-large = tệp lớn hơn giới hạn { $limit } byte (nâng giới hạn bằng --max-font-bytes)
path-reason = { $path }: { $reason }

## Python (python/src)

py-problems-in-input = { $count } lỗi trong dữ liệu đầu vào
