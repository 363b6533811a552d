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
