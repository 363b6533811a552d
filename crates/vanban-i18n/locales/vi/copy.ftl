# vanban messages: copies (vi)

## The copy block (crates/vanban/src/copy.rs) and the paper copy (crates/vanban-copy)

copy-kind-unknown = hình thức sao `{ $value }`: phải là sao-y, sao-luc hoặc trich-sao
copy-number-invalid = `{ $value }` không phải số bản sao: viết `05` hoặc `05/SY-UBND`
copy-block-too-tall = phần sao cao { $height } mm, quá vùng trình bày của một trang: rút ngắn Nơi nhận
copy-page-unreadable = tệp PDF được sao: { $reason }
copy-merge-failed = không thêm được phần sao vào tệp PDF: { $reason }

## vanban copy (crates/vanban-cli/src/copy_cmd.rs)

copy-db-needs-abbreviation = --db: ký hiệu bản sao cần chữ viết tắt tên cơ quan sao: thêm --abbreviation (UBND thành SY-UBND)
copy-paper-written = đã ghi { $file } (bản sao giấy, { $kind }, { $number }, phần sao ở trang { $page }{ $new_page ->
        [yes] , trang riêng
       *[no] {""}
    })
