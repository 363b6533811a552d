# vanban messages: the HTTP server (crates/vanban-serve) (en)

serve-malformed = the body cannot be parsed
serve-not-utf8 = the body is not UTF-8 text (byte { $byte } is not)
serve-too-large = the body is larger than { $limit } bytes
serve-unsupported = content type { $found }: send { $wanted }
serve-busy = every worker is busy and the queue is full; try again shortly
serve-timeout = the request took longer than { $seconds } s
serve-slow-client = the body did not arrive within { $seconds } s
serve-not-found = no such route; GET /v1/openapi.json lists them
serve-no-file-here = no such file
serve-no-template = no template `{ $name }`; GET /v1/templates lists them
serve-no-example = no example data for template `{ $name }`
serve-invalid-input = the input is not a valid document
serve-data-unusable = the data cannot be used
serve-data-unfit = the data does not fit the template
serve-no-data = send the data as the form part `data`
serve-no-file = send the DOCX or PDF as a file part
serve-from-outside = `from: { $file }` must name a file sent with the data (a plain file name)
serve-unreadable = { $file }: cannot read: { $why }
serve-unauthorized = send the server's token: Authorization: Bearer TOKEN
serve-internal = { $why }
serve-no-register = the server runs without a register: start it with --db

# $why: a data problem; $cell: the sheet and cell its value came from.
serve-with-cell = { $why } ({ $cell })
