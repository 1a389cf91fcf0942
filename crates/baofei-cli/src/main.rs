//! `baofei`: batch quoting, explanations and rule-pack checks with the same engine as the widget.
//!
//! Only this crate touches files, argv and stdout; the engine stays pure.

mod batch;
mod check;
mod explain;
mod impact;
mod pack;
mod rules;
mod rules_page;

use clap::{Parser, Subcommand};

/// Batch quoting allocates many small strings per row; glibc malloc took ~40% of the time in a profile.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

const QUOTE_HELP_HEAD: &str = "\
DESCRIPTION
    Reads enterprises from CSV (a header row, one enterprise per row) or JSON lines (one QuoteInput
    object per line) and writes one quote per input row, in input order: premium, range, minimum limit,
    compulsory status, prevention fund, float band and warnings. A row that cannot be quoted is written
    with status=error, its row number and every field error, and still its compulsory status
    and legal minimum where the region and sector are known; no row is ever dropped.
    Work is spread over all cores; memory stays flat whatever the number of rows (streaming, in chunks).

";

const QUOTE_HELP_TAIL: &str = "\
EXIT STATUS
    0 every row quoted; 1 some rows rejected (see status=error rows); 2 unusable input or pack.

EXAMPLES
    baofei quote tests/cli/enterprises.csv -o quotes.csv
    baofei quote tests/cli/enterprises.jsonl --format jsonl --pack insurer.json
    baofei sample --rows 1000000 > big.csv && baofei quote big.csv -o /dev/null";

/// `baofei quote --help`: the CSV columns are the field registry's engine keys, listed from it, so
/// the manual cannot name a column the reader would refuse or miss one it accepts.
fn quote_help() -> String {
    let mut columns: Vec<String> = vec!["id (copied to the output)".into()];
    columns.extend(
        baofei_core::fields::FIELDS
            .iter()
            .map(|f| f.key.to_string()),
    );
    let list = format!(
        "{}, and accident history y1_ordinary, y1_larger, y1_serious, y1_especially_serious, y1_deaths (y1 = last year; likewise y2_*, y3_*).",
        columns.join(", ")
    );
    // Wrapped as the rest of the manual is, under clap's 100 columns with the indent.
    let (mut body, mut line) = (Vec::new(), String::new());
    for word in list.split(' ') {
        if !line.is_empty() && line.len() + word.len() > 90 {
            body.push(format!("    {line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    body.push(format!("    {line}"));
    format!(
        "{QUOTE_HELP_HEAD}CSV COLUMNS\n{}\n    Amounts are in 元 and written as plain decimals. Flags accept 1/0, true/false, yes/no, 是/否.\n    Any other column is an error (a misspelt column must not be silently ignored).\n\n{QUOTE_HELP_TAIL}",
        body.join("\n")
    )
}

const EXPLAIN_HELP: &str = "\
DESCRIPTION
    Quotes one enterprise (a QuoteInput JSON object, as in tests/cli/enterprise.json) and prints the
    whole computation for a terminal: compulsory status and legal basis, minimum limit, every rating
    step with its parameter, value and citation, the float band, prevention fund and services,
    warnings, assumptions, guidance notes and priced next steps.

EXAMPLES
    baofei explain tests/cli/enterprise.json
    baofei explain - --lang en < enterprise.json";

const CHECK_HELP: &str = "\
DESCRIPTION
    Checks an insurer's 安责险 offer against the rules in force on its start date: per-person limit
    at least the legal minimum, every employee insured at one sum, a one-year term, the covered items,
    the premium against this enterprise's float band (indicative where our rates are illustrative),
    the prevention services owed and written into the contract, the prevention fund, the commission
    cap, who pays and no surrender clause. Each check prints its verdict, citation and, where it is
    not met, the question to ask the insurer.

    The file is {\"enterprise\": QuoteInput, \"offer\": OfferInput}, as in tests/cli/offer.json.

    Given two to four files (one offer each, all for the same enterprise), it compares them: each
    checked on its own start date, then ranked (a lawful offer always before one that fails a legal
    requirement), with the premium, its place in the band, the loading no input explains, limits,
    price per 万元 of cover, term, covered items, services, prevention spending, commission and payer
    side by side, the best lawful value of each row marked, and one sentence per offer.

EXIT STATUS
    0 no legal requirement fails (comparing: at least one offer is lawful); 1 a legal requirement
    fails (comparing: no offer is lawful); 2 unusable input.

EXAMPLES
    baofei check tests/cli/offer.json
    baofei check offer.json --lang en --json
    baofei check a.json b.json c.json";

const OUTLOOK_HELP: &str = "\
DESCRIPTION
    The premium at each of the next three renewals for one enterprise (a QuoteInput JSON file): with
    no accident, and with one 一般 or one 较大 accident in the coming policy year. Only the three-year
    accident window moves; everything is computed under the rules in force on the input's date.

EXAMPLES
    baofei outlook tests/cli/enterprise.json
    baofei outlook enterprise.json --lang en --json";

const PACK_HELP: &str = "\
DESCRIPTION
    Parses a pricing pack (JSON, the shape of the reference pack: `baofei pack dump`), validates it
    against the statutes built into this program, and prints what it covers: lines, regions, sectors
    with and without a rate, the dates each table is in force, and every illustrative parameter.
    A pack can change prices only: it has no field for minimum limits, float caps or prevention ratios.

EXIT STATUS
    0 valid; 1 invalid (each problem is listed with its path in the pack); 2 unreadable file.

EXAMPLES
    baofei pack check                       # the built-in reference pack
    baofei pack check tests/cli/insurer-pack.json
    baofei pack init > my-pack.json         # start an insurer pack: every table, your meta
    baofei pack schema > pack.schema.json   # the format as JSON Schema, for an editor or a CI check";

/// Premium quotes for 安责险 and 环责险, natively: batch, explain, check packs.
#[derive(Parser)]
#[command(
    name = "baofei",
    version,
    about,
    long_about = "\
NAME
    baofei - premium quotes for work-safety (安责险) and environmental pollution (环责险) liability insurance

SYNOPSIS
    baofei quote [OPTIONS] <INPUT>
    baofei explain [OPTIONS] <INPUT>
    baofei check [OPTIONS] <OFFER>
    baofei pack check [PACK]
    baofei pack dump
    baofei rules check <FILE>
    baofei rules init
    baofei impact --book <CSV> (--local-rules <FILE> | --pack <NEW> [--base-pack <OLD>])

DESCRIPTION
    The same engine and cited, dated rules as the Baofei widget. Figures are estimates: some
    parameters are illustrative (no published figure) and every result says so. The insurer's filed
    rates decide. Run `baofei <command> --help` for each command's manual."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Quote many enterprises from CSV or JSON lines.
    #[command(long_about = quote_help())]
    Quote(batch::QuoteArgs),
    /// Explain one quote step by step, with citations.
    #[command(long_about = EXPLAIN_HELP)]
    Explain {
        /// A QuoteInput JSON file, or - for standard input.
        input: PathBuf,
        /// Language of labels and messages.
        #[arg(long, value_parser = ["zh", "en"], default_value = "zh")]
        lang: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Check an insurer's offer against the law and the estimate, or compare two to four offers
    #[command(long_about = CHECK_HELP)]
    Check {
        /// One to four offer files ({"enterprise": ..., "offer": ...}), or - for standard input; two
        /// or more are compared.
        #[arg(required = true, num_args = 1..=4)]
        inputs: Vec<PathBuf>,
        /// Language of the report.
        #[arg(long, value_parser = ["zh", "en"], default_value = "zh")]
        lang: String,
        /// Print the whole check as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// What the next three renewals cost: no accident, or one 一般 or 较大 accident next year
    #[command(long_about = OUTLOOK_HELP)]
    Outlook {
        /// A QuoteInput JSON file, or - for standard input.
        input: PathBuf,
        /// Language of the report.
        #[arg(long, value_parser = ["zh", "en"], default_value = "zh")]
        lang: String,
        /// Print the outlook as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Check or print pricing packs.
    #[command(long_about = PACK_HELP, subcommand)]
    Pack(PackCommand),
    /// Check a host's local-rules file, or print a complete example to start one.
    #[command(long_about = RULES_HELP, subcommand)]
    Rules(RulesCommand),
    /// 影响测算: price a book of enterprises under the shipped rules and under a draft (local rules,
    /// or a new pack against an old one), and summarise what changes.
    #[command(long_about = impact::HELP)]
    Impact(impact::ImpactArgs),
    /// Write the site's rules page (every rule by region, with dates and sources) to a file.
    #[command(hide = true)]
    RulesPage {
        /// Where to write the HTML.
        out: PathBuf,
    },
    /// Write a synthetic CSV of enterprises (for benchmarks; deterministic).
    #[command(hide = true)]
    Sample {
        /// Number of rows.
        #[arg(long, default_value_t = 1000)]
        rows: u64,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Check a local-rules file against the shipped statutes: it may only tighten them.
    Check {
        /// The file (JSON), or - for standard input.
        file: PathBuf,
    },
    /// Print a complete example file (a fictional city) to start from.
    Init,
    /// Check a file and add it to a built site (index.html names it; rules.html regenerated).
    Install {
        /// The file (JSON).
        file: PathBuf,
        /// The built site's directory (the one holding index.html).
        #[arg(long)]
        site: PathBuf,
    },
}

const RULES_HELP: &str = "\
DESCRIPTION
    A site's host (a bureau) can publish its own place's rules as a JSON file beside the site: a
    higher minimum limit, a higher prevention floor or lower cap, a narrower float band, higher fines,
    more compulsory sectors, local services and notes, each dated and cited with an official address.
    The page, the iframe, the element (rules-src) and the JS API read it; a file that would loosen
    the law anywhere is refused whole, and the shipped rules stay in force.

EXIT STATUS
    0 accepted; 1 refused (each problem with its path, in Chinese and English); 2 unreadable file.

EXAMPLES
    baofei rules init > local-rules.json     # a complete example to edit
    baofei rules check local-rules.json
    baofei rules install local-rules.json --site dist   # the built site reads it from now on
    baofei explain enterprise.json --local-rules local-rules.json";

#[derive(Subcommand)]
enum PackCommand {
    /// Validate a pack and print what it covers.
    #[command(long_about = PACK_HELP)]
    Check {
        /// The pack (JSON); the built-in reference pack when omitted.
        pack: Option<PathBuf>,
    },
    /// Print the built-in reference pack as JSON.
    Dump,
    /// Print the pack format's JSON Schema (generated from the engine's readers; docs/pack.schema.json).
    Schema,
    /// Print a complete starting pack to edit: every table of the reference pack with its description,
    /// sources, notes and illustrative flags, under your own `meta` (docs/pack-format.md).
    Init,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let res = match cli.command {
        Command::Quote(args) => batch::run(&args),
        Command::Explain { input, lang, rules } => explain::run(&input, &lang, &rules),
        Command::Check {
            inputs,
            lang,
            json,
            rules,
        } => match inputs.as_slice() {
            [one] => check::run(one, &lang, json, &rules),
            many => check::run_many(many, &lang, json, &rules),
        },
        Command::Outlook {
            input,
            lang,
            json,
            rules,
        } => check::outlook(&input, &lang, json, &rules),
        Command::Pack(PackCommand::Check { pack }) => pack::check(pack.as_deref()),
        Command::Pack(PackCommand::Init) => {
            println!("{}", pack::init());
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack(PackCommand::Schema) => {
            println!("{}", pack::schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack(PackCommand::Dump) => {
            println!("{}", baofei_rules::pack_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules(RulesCommand::Check { file }) => rules::check(&file),
        Command::Rules(RulesCommand::Install { file, site }) => rules::install(&file, &site),
        Command::Rules(RulesCommand::Init) => {
            print!("{}", rules::EXAMPLE);
            Ok(ExitCode::SUCCESS)
        }
        Command::Impact(args) => impact::run(&args),
        Command::Sample { rows } => batch::sample(rows),
        Command::RulesPage { out } => rules_page::run(&out),
    };
    match res {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("baofei: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The text of an input file, or of standard input for `-`.
pub fn read_input(path: &std::path::Path) -> Result<String, String> {
    use std::io::Read;
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| e.to_string())?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Which rules a command quotes under: the reference pack or an insurer's, and the shipped statutes
/// or those with a host's local rules merged in.
#[derive(clap::Args, Clone, Default)]
pub struct RuleArgs {
    /// Use this pricing pack instead of the reference pack.
    #[arg(long)]
    pub pack: Option<PathBuf>,
    /// A host's local-rules file (issue 33; `baofei rules check` shows what it sets): its place's
    /// rules win there over the shipped ones. A refused file stops the command with every error.
    #[arg(long)]
    pub local_rules: Option<PathBuf>,
}

/// The rules a command's options name ([`RuleArgs`]).
pub fn load_rules(args: &RuleArgs) -> Result<baofei_core::Rules, String> {
    let base = baofei_rules::load().map_err(|e| format!("built-in rules invalid: {e}"))?;
    let rules = match &args.pack {
        None => base,
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let pack =
                baofei_rules::parse_pack(&text).map_err(|e| format!("{}: {e}", p.display()))?;
            base.with_pack(pack)
                .map_err(|e| format!("{}: invalid pack: {e}", p.display()))?
        }
    };
    match &args.local_rules {
        None => Ok(rules),
        Some(p) => {
            let local = read_local_rules(p)?;
            rules.with_local(&local).map_err(|e| {
                format!(
                    "{}: local rules refused (the shipped rules were not changed):\n{}",
                    p.display(),
                    rules::list(&e)
                )
            })
        }
    }
}

/// A local-rules file read (not yet checked), or why it cannot be.
pub fn read_local_rules(
    p: &std::path::Path,
) -> Result<baofei_core::rules::local::LocalRules, String> {
    let text = read_input(p)?;
    baofei_rules::parse_local_rules(&text)
        .map_err(|e| format!("{}: {}", p.display(), rules::list(&e)))
}
