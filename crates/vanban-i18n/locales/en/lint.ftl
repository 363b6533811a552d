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
