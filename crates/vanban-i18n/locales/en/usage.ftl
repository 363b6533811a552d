# vanban messages: the command line's usage and help (en)

## Usage errors, told in place of clap's (crates/vanban-cli/src/usage.rs)

# $arg: `--db <DB>`, quoted.
usage-unknown-argument = unexpected argument { $arg } found
usage-unknown-command = unrecognized subcommand `{ $command }`
usage-missing-value = a value is required for { $arg } but none was supplied
# $valid: the possible values, quoted.
usage-invalid-value = invalid value `{ $value }` for { $arg } (possible values: { $valid })
# $reason: why the value is refused (a date, a format list …).
usage-value-refused = invalid value `{ $value }` for { $arg }: { $reason }
usage-not-a-whole-number = is not a whole number
usage-number-too-large = is too large
usage-not-a-number = is not a number
usage-missing-argument = the following required arguments were not provided: { $args }
usage-missing-command = `{ $command }` requires a subcommand: { $valid }
usage-conflict = the argument { $arg } cannot be used with { $other }
usage-no-equals = equal sign is needed when assigning values to { $arg }
usage-too-many-values = unexpected value `{ $value }` for { $arg }
usage-number-of-values = { $arg } takes { $expected } values but { $actual } were supplied
usage-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
# $detail: clap's own words.
usage-other = wrong usage ({ $detail })
usage-did-you-mean = tip: a similar one exists: `{ $suggestion }`
usage-line = Usage: { $usage }
usage-more = For more information, try `{ $command } --help`.
usage-bad-lang = `{ $value }` is not a language vanban speaks: use en or vi

## The help's own words (headings, placeholders)

usage-heading-usage = Usage:
usage-heading-commands = Commands
usage-heading-arguments = Arguments
usage-heading-options = Options
usage-value-command = COMMAND
usage-options-placeholder = [OPTIONS]
usage-default = [default: { $value }]
usage-env = [env: { $name }]
