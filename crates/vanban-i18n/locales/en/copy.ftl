# vanban messages: copies (en)

## The copy block (crates/vanban/src/copy.rs) and the paper copy (crates/vanban-copy)

# $value: what was written.
copy-kind-unknown = copy kind `{ $value }`: expected sao-y, sao-luc or trich-sao
copy-number-invalid = `{ $value }` is not a copy number: write `05` or `05/SY-UBND`
# $height: mm.
copy-block-too-tall = the copy's block is { $height } mm tall, more than a page's text block: shorten Nơi nhận
copy-page-unreadable = the copied PDF: { $reason }
copy-merge-failed = the copy's block could not be added to the PDF: { $reason }

## vanban copy (crates/vanban-cli/src/copy_cmd.rs)

copy-db-needs-abbreviation = --db: the copy's symbol needs the copying office's abbreviation: give --abbreviation (UBND makes SY-UBND)
# $file: the PDF written; $kind: SAO Y …; $number: `Số: 05/SY-UBND`; $page: the page of the block; $new_page: yes or no.
copy-paper-written = wrote { $file } (paper copy, { $kind }, { $number }, the block on page { $page }{ $new_page ->
        [yes] , a page of its own
       *[no] {""}
    })
