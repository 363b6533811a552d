# vanban messages: lint (en)

## The words around each finding (crates/vanban-lint/src/messages.rs)

lint-error = error
lint-warning = warning
# $found, $expected: what the document has and what the decree asks.
lint-found-expected = found { $found }; the decree asks { $expected } ({ $section })
lint-summary = { $file }: { $errors } error(s), { $warnings } warning(s) ({ $kind }, { $format })
lint-kind-unknown = kind not recognised
lint-fixed = fixed: { $finding }
lint-needs-person = needs a person: { $finding }

## Where a finding is (crates/vanban-lint/src/place.rs)

lint-page = page { $page }
lint-page-at = page { $page }, { $place }
lint-header-left = the header, left column
lint-header-right = the header, right column
lint-recipients-column = the Nơi nhận column
lint-signature-block = the signature block
lint-own-line = a line of its own
lint-after = after `{ $mark }`
lint-of-body = of the body
lint-nth-paragraph = the { $ordinal } paragraph { $after }
# $suffix: st, nd, rd or th.
lint-ordinal = { $n }{ $suffix }
lint-table-cell = table row { $row }, column { $column }, { $after }
lint-table-row = table row { $row }, { $after }
lint-table = a table { $after }

## The 2025 administrative map (crates/vanban-lint/src/rules/admin.rs)

lint-admin-district = `{ $unit }`, a district (cấp huyện)
lint-admin-province = `{ $unit }`, a province merged on 1 July 2025
lint-admin-replaced-province = { $unit } → { $now }
lint-admin-replaced-district = { $unit } ({ $old }) → no district level since 1 July 2025; a commune or ward of { $now }

## The words of found and expected (crates/vanban-lint/src/words.rs)

lint-v-none = none
# Two items of a list: `13 pt, not bold`.
lint-v-list = { $a }, { $b }
lint-v-pt = { $n } pt
lint-v-pt-range = { $min }-{ $max } pt
lint-v-mm = { $n } mm
lint-v-mm-range = { $min }-{ $max } mm
lint-v-bold = bold
lint-v-not-bold = not bold
lint-v-italic = italic
lint-v-upright = upright
lint-v-centred = centred
lint-v-justified = justified
lint-v-capitals = capitals
# $align: left, right, center or justify.
lint-v-align = { $align }
lint-v-no-rule = no rule
lint-v-rule-third = a solid rule, 1/3 to 1/2 of the line above
lint-v-rule-measured = { $length } mm under a { $width } mm line ({ $ratio } %)
lint-v-rule-ratio = 1/3 to 1/2 of the line
lint-v-more-paragraphs = { $found } (and { $n } more paragraphs)
lint-v-body-size = 13-14 pt, one size for the body ({ $main } pt here)
lint-v-body-size-any = 13-14 pt, one size for the body
lint-v-indent = a { $mm } mm first-line indent
lint-v-indent-expected = 10-12.7 mm
lint-v-space-before = { $pt } pt before
lint-v-line-spacing = line spacing { $n }
lint-v-spacing-expected = at least 6 pt between paragraphs, single to 1.5 line spacing
lint-v-ends = ends `{ $tail }`
lint-v-page-a4 = A4, 210 × 297 mm
lint-v-page-found = { $width } × { $height } mm
lint-v-landscape = { $size } (landscape)
lint-v-portrait = portrait A4 unless the body holds wide tables
lint-v-font = font { $font }
lint-v-font-expected = Times New Roman (or a face with its metrics)
lint-v-colour = colour #{ $hex } in { $n } paragraph(s)
lint-v-black = black
# $side: left or right.
lint-v-ink = text { $mm } mm from the { $side } edge
lint-v-ink-expected = at least { $mm } mm (the { $margin } mm margin{ $header ->
    [yes] , less the header table's allowance
   *[no] {""}
})

## The rules' own words (crates/vanban-lint/src/phrases.rs)

lint-p-cong-hoa-xa-hoi-chu-nghia = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` at the top of page 1
lint-p-cong-hoa-xa-hoi-chu-nghia-2 = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` in capitals
lint-p-doc-lap-tu-do-hanh-phuc = `Độc lập - Tự do - Hạnh phúc` under the quốc hiệu
lint-p-doc-lap-tu-do-hanh-phuc-2 = `Độc lập - Tự do - Hạnh phúc`, phrases joined by ` - `
lint-p-a-solid-rule-as-long-as = a solid rule as long as the tiêu ngữ
lint-p-as-long-as-the-tieu-ngu = as long as the tiêu ngữ text
lint-p-13-14-14-or-12-13 = 13/14/14 or 12/13/13
lint-p-the-issuing-authority-top-left-of = the issuing authority, top left of page 1
lint-p-so-under-the-issuer = `Số: …/…` under the issuer
lint-p-so-then-the-number-and-symbol = `Số:` then the number and symbol
lint-p-number-symbol-e-g-so-05 = `number/symbol`, e.g. `Số: 05/KH-VP`
lint-p-a-blank-at-least-6-mm = a blank at least 6 mm wide
lint-p-arabic-numerals = Arabic numerals
lint-p-no-spaces-inside-number-symbol = no spaces inside `number/symbol`
lint-p-no-spaces-inside-the-symbol = no spaces inside the symbol
lint-p-groups-joined-by-e-g-kh = groups joined by `-`, e.g. `KH-UBND`
lint-p-issuer-unit-without-a-type-abbreviation = `<issuer>-<unit>` without a type abbreviation
lint-p-place-ngay-dd-thang-m-nam = `<Place>, ngày DD tháng M năm YYYY` under the tiêu ngữ
lint-p-the-place-name-followed-by-a = the place name followed by a comma
lint-p-a-capital-initial = a capital initial
lint-p-the-date-in-arabic-numerals = the date in Arabic numerals
lint-p-a-real-calendar-date = a real calendar date
lint-p-noi-nhan-left-of-the-signer = `Nơi nhận:` left of the signer
lint-p-no-luu-line = no `- Lưu:` line
lint-p-last-item-luu-vt-unit = last item `- Lưu: VT, <unit>.`
lint-p-luu-not-the-last-item = `- Lưu` not the last item
lint-p-luu-vt-last = `- Lưu: VT, …` last
lint-p-luu-vt-unit = `- Lưu: VT, <unit>.`
lint-p-no-signer-block = no signer block
lint-p-authority-title-and-name-right-of = authority, title and name right of Nơi nhận
lint-p-tm-kt-q-tl-or-tuq = TM., KT., Q., TL. or TUQ.
lint-p-the-signer-s-full-name = the signer's full name
lint-p-the-name-alone-without-rank-or = the name alone, without rank or degree
lint-p-centred-bold = centred, bold
lint-p-no-dieu-1 = no `Điều 1.`
lint-p-articles-dieu-1-dieu-2 = articles `Điều 1.`, `Điều 2.` …
lint-p-two-signers-thu-ky-and-chu = two signers: THƯ KÝ and CHỦ TỌA
lint-p-the-main-text-s-numbering-continued = the main text's numbering continued
lint-p-a-section-of-its-own-restarting = a section of its own restarting at 1
lint-p-precomposed-unicode-nfc-as-tcvn-6909 = precomposed Unicode (NFC), as TCVN 6909 text is typed
lint-p-no-text-on-any-page = no text on any page
lint-p-real-text-a-scanned-page-cannot = real text (a scanned page cannot be checked)
lint-p-every-font-embedded = every font embedded
lint-p-no-number-on-page-1 = no number on page 1
lint-p-page-numbers-from-page-2 = page numbers from page 2
lint-p-13-14-pt-upright = 13-14 pt upright
lint-p-not-between-the-title-and-the = not between the title and the name
lint-p-centred-between-the-title-and-the = centred between the title and the name
lint-p-over-about-a-third-of-the = over about a third of the signature, on its left
lint-p-the-summary-under-the-type-name = the summary under the type name
lint-p-sentence-case-not-capitals = sentence case, not capitals
lint-p-v-v-under-the-number = `V/v …` under the number
lint-p-v-v-then-the-subject = `V/v ` then the subject
lint-p-not-in-capitals = not in capitals
lint-p-bold-capitals = bold capitals
lint-p-no-text-in-the-margin-indent = no text in the margin (indent ≥ 0 mm)
lint-p-the-type-name-e-g-ke = the type name (e.g. `KẾ HOẠCH`) centred under the header
lint-e-issuer = issuer
lint-e-summary = summary
lint-e-tieu-ngu-rule = tiêu ngữ rule
lint-e-quoc-hieu-tieu-ngu-date = quốc hiệu, tiêu ngữ, date
lint-e-phu-luc-page-numbers = phụ lục page numbers
lint-e-phu-luc-page-number = phụ lục page number
lint-e-text = text
lint-e-fonts = fonts
lint-e-page = page
lint-e-page-number = page number
lint-e-left-margin = left margin
lint-e-right-margin = right margin
lint-e-top-margin = top margin
lint-e-bottom-margin = bottom margin
lint-e-ngay-slot = ngày slot
lint-e-thang-slot = tháng slot
lint-e-nam-slot = năm slot
lint-d-article-next = `Điều { $n }.` next
lint-d-rank-before-name = `{ $rank }` before the name in { $text }
lint-d-quoted-with = { $text } ({ $what })
lint-d-not-centred = not centred
lint-d-text-not-centred = { $text } not centred
lint-d-authority-line-expected = the issuing authority line ({ $example }) centred under the summary, before the bases
lint-d-no-word-line = no `{ $word }` line
lint-d-word-before-article = `{ $word }` before `Điều 1.`
lint-d-signers-found = { $n } of THƯ KÝ / CHỦ TỌA
lint-d-appendix-second-page = `{ $text }` on its second page
lint-d-appendix-own-numbers = its own numbers: `2` on its second page
lint-d-rule-under = { $length } mm under a { $width } mm line
lint-d-sizes = quốc hiệu { $title } pt, tiêu ngữ { $motto } pt
lint-d-sizes-date = quốc hiệu { $title } pt, tiêu ngữ { $motto } pt, date { $date } pt
lint-d-blank = a { $mm } mm blank
lint-d-blank-expected = a blank at least { $mm } mm wide
lint-d-symbol-for-kind = `{ $symbol }` for a { $kind }
lint-d-symbol-appendix = `{ $abbr }-…` (Appendix III)
lint-d-date-padded = `ngày { $day } tháng { $month }` (days 01-09 and months 01-02 padded)
lint-d-not-a-date = { $day }/{ $month }/{ $year }, not a date
lint-d-header-pulled = the header table pulled { $mm } mm into the left margin
lint-d-header-allowance = at most { $mm } mm, as the templates pull it
lint-d-indented-into-margin = a paragraph indented { $mm } mm into the margin
lint-d-decomposed = letters stored decomposed (NFD) in { $n } paragraph(s), first { $text }
lint-d-not-embedded = not embedded: { $fonts }
lint-d-number-on-page-1 = `{ $text }` on page 1
lint-d-none-from-page-2 = none from page 2
lint-d-none-from-page-2-pdf = none from page 2 ({ $n } pages)
lint-d-none-from-page-2-app = none from page 2 ({ $n } pages, as docProps/app.xml says)
lint-d-none-from-page-2-estimated = none from page 2 (about { $n } pages, estimated from the text)
lint-d-seal-over = over { $percent } % of the signature
lint-d-seal-over-right = over { $percent } % of the signature, not on its left
lint-d-heading-centred = `{ $heading }` centred under the header
lint-d-body-paragraph = body paragraph { $n }
lint-d-heading = heading { $text }
lint-d-article = article { $text }
lint-d-text-paragraph = text (paragraph { $n })
lint-d-rule-of = { $element } rule
lint-d-next = { $label } next
lint-d-letters = { $label } (letters a, b, c, d, đ, e, g …)
# A rule's section; $vi: the same with its English words in Vietnamese
# (selected on, never shown, so both languages take the same arguments).
lint-section = { $vi ->
   *[other] { $en }
}

## A file lint cannot read (crates/vanban-lint/src/error.rs, limits.rs)

lint-read-unknown-format = neither a DOCX nor a PDF
lint-read-zip = not a readable DOCX (ZIP): { $reason }
lint-read-missing-part = DOCX without its part { $part }
lint-read-xml = { $part }: not well-formed XML: { $reason }
lint-read-numbering-start = word/numbering.xml: list start value { $start } is beyond Word's largest, { $max }
lint-read-pdf = not a readable PDF: { $reason }
lint-read-encrypted = an encrypted PDF: its text cannot be read to be judged; lint the unencrypted file
lint-read-fix-refused = nothing written: { $reason }
lint-limit = { $place }: { $what } beyond the limit of { $limit } (raise it with { $flag } if the file is trusted)
lint-what-bytes = bytes
lint-what-inflation-ratio = inflation ratio
lint-what-element-nesting = element nesting
lint-what-xml-nodes = XML nodes
lint-what-docx-nesting = tables, text boxes or content controls nested
lint-what-pages = pages
lint-what-decoded-bytes = decoded bytes
lint-what-decoded-content-bytes = decoded content bytes
lint-what-operators = operators
lint-what-pdf-nesting = arrays or dictionaries nested
lint-what-q-nesting = saved graphics states (q) nested
lint-what-glyphs = glyphs
lint-what-form-nesting = form XObjects nested
lint-what-font-entries = codes in the width table or ToUnicode map
lint-place-page = page { $n }
lint-place-pages-up-to = the pages up to { $n }
lint-place-form = page { $n }, form XObject { $form }
lint-place-font = font { $font }
lint-place-font-map = font { $font } ToUnicode map
lint-place-part-line = { $part } line { $line }
lint-place-file = the file
lint-place-page-tree = the page tree
lint-place-object-stream = an object stream
lint-cannot-read = { $file }: cannot read: { $reason }
