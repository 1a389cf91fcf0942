//! `baofei impact` (影响测算): a book of enterprises priced under the shipped rules and under a draft
//! (a host's local rules, or an insurer's new pack against its old one), streamed like `baofei quote`:
//! a reader thread, rayon over bounded chunks, a writer thread. Per enterprise: premium, minimum,
//! prevention fund and obligation before and after. Then a summary (how many change, by how much:
//! median, quartiles, largest; by sector and by size) as Markdown, and a histogram as SVG.
//!
//! Memory: the per-enterprise lines stream; the summary keeps one decimal per enterprise whose premium
//! changes (for exact quartiles) and one counter per sector and size, so it grows with the changes,
//! 16 bytes each, not with the book.

use crate::batch::{open_input, read_rows, Columns, Raw, Row, Source};
use baofei_core::money::round_half_up;
use baofei_core::{quote_brief, Quote, QuoteInput, Rules};
use clap::Args;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

pub const HELP: &str = "\
DESCRIPTION
    影响测算: prices every enterprise of a book (CSV, the columns of `baofei quote`) twice, under the
    rules in force today and under a draft, and shows what would change before the draft is
    published. The draft is a host's local-rules file (--local-rules), or an insurer's new tariff
    (--pack NEW, against --base-pack OLD or the reference pack).

    Writes one line per enterprise (premium, minimum limit, prevention fund floor and obligation,
    before and after) and a summary: how many change, by how much (median, quartiles, largest), by
    sector and by size; and a histogram of the premium changes as SVG. Rows that cannot be priced
    under either rule set are counted and listed with their errors, never dropped.

EXIT STATUS
    0 done; 2 unusable book, draft or pack (a refused draft lists every problem).

EXAMPLES
    baofei impact --book tests/cli/enterprises.csv --local-rules docs/local-rules/example-shifan.json
    baofei impact --book book.csv --pack new-tariff.json --base-pack old-tariff.json \\
        -o changes.csv --summary summary.md --chart changes.svg";

/// Options of `baofei impact`.
#[derive(Args)]
pub struct ImpactArgs {
    /// The enterprises (CSV with a header, the columns of `baofei quote`), or - for standard input.
    #[arg(long)]
    book: PathBuf,
    /// The draft local-rules file to measure.
    #[arg(long)]
    local_rules: Option<PathBuf>,
    /// The new pricing pack to measure (an insurer's new tariff).
    #[arg(long)]
    pack: Option<PathBuf>,
    /// The pack the book is priced under today (the reference pack when omitted).
    #[arg(long)]
    base_pack: Option<PathBuf>,
    /// As-of date (YYYY-MM-DD) for rows whose as_of is empty.
    #[arg(long)]
    as_of: Option<String>,
    /// Per-enterprise CSV; standard output when omitted.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The summary (Markdown); standard error when omitted.
    #[arg(long)]
    summary: Option<PathBuf>,
    /// The histogram of premium changes (SVG).
    #[arg(long)]
    chart: Option<PathBuf>,
    /// No timing line.
    #[arg(short, long)]
    quiet: bool,
}

const HEADER: &str = "row,id,region,sector,size_class,status,premium_before,premium_after,premium_change,premium_change_pct,minimum_before,minimum_after,prevention_min_before,prevention_min_after,obligation_before,obligation_after,changed,errors\n";

/// One enterprise's figures under one rule set.
#[derive(Clone, PartialEq)]
struct Figures {
    premium: Decimal,
    minimum: Option<Decimal>,
    prevention_min: Option<Decimal>,
    obligation: &'static str,
}

impl Figures {
    fn of(q: &Quote) -> Figures {
        Figures {
            premium: q.premium,
            minimum: q.limits.minimum_per_person,
            prevention_min: q.prevention.min_amount,
            obligation: q.obligation.level.key(),
        }
    }
}

/// What one row contributes to the summary.
struct Outcome {
    line: String,
    sector: String,
    size: String,
    before: Option<Figures>,
    after: Option<Figures>,
}

fn opt(d: Option<Decimal>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// One CSV field. A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first: an id
/// from someone else's book) is kept as text with a leading `'`; numbers are written by this program
/// and never pass here.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Percentage change, to two places (display only: never fed back).
fn pct(before: Decimal, after: Decimal) -> Option<Decimal> {
    // Most of a book does not change: no division for those.
    if before == after {
        return Some(Decimal::ZERO);
    }
    (!before.is_zero()).then(|| round_half_up((after - before) * Decimal::ONE_HUNDRED / before, 2))
}

/// A city the draft adds (`place`) is unknown to the shipped rules, which rule it as its province:
/// its "before" is priced there.
struct NewPlace {
    id: String,
    parent: String,
}

/// What a draft can change: a local-rules file with the same pack changes only the rules keyed to its
/// place, so an enterprise elsewhere is priced once and its "before" is its "after".
struct Draft<'a> {
    new_place: Option<&'a NewPlace>,
    only_place: Option<&'a str>,
}

fn row(
    n: u64,
    id: &str,
    input: &Result<QuoteInput, Vec<baofei_core::FieldError>>,
    before: &Rules,
    after: &Rules,
    draft: &Draft<'_>,
) -> Outcome {
    let (region, sector, size) = match input {
        Ok(i) => (i.region.clone(), i.sector.clone(), i.size_class.clone()),
        Err(_) => Default::default(),
    };
    let (b, a, errors) = match input {
        Err(e) => (
            None,
            None,
            e.iter()
                .map(|e| format!("{}: {}", e.field, e.message_en))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Ok(i) => {
            let a = quote_brief(after, i);
            let untouched = draft
                .only_place
                .is_some_and(|p| !after.statutes().chain(&i.region).contains(&p));
            let b = match draft.new_place {
                _ if untouched => a.clone(),
                Some(p) if i.region == p.id => {
                    let mut i = i.clone();
                    i.region.clone_from(&p.parent);
                    quote_brief(before, &i)
                }
                _ => quote_brief(before, i),
            };
            let mut errors: Vec<String> = Vec::new();
            for e in [&b, &a]
                .iter()
                .filter_map(|r| r.as_ref().err())
                .flat_map(|e| e.0.iter())
            {
                let text = format!("{}: {}", e.field, e.message_en);
                if !errors.contains(&text) {
                    errors.push(text);
                }
            }
            (
                b.ok().as_ref().map(Figures::of),
                a.ok().as_ref().map(Figures::of),
                errors.join("; "),
            )
        }
    };
    let status = match (&b, &a) {
        (Some(_), Some(_)) => "ok",
        (None, Some(_)) => "priced_after_only",
        (Some(_), None) => "priced_before_only",
        (None, None) => "error",
    };
    let changed = match (&b, &a) {
        (Some(x), Some(y)) => x != y,
        (None, None) => false,
        _ => true,
    };
    let (pb, pa) = (b.as_ref().map(|f| f.premium), a.as_ref().map(|f| f.premium));
    let delta = pb.zip(pa).map(|(x, y)| y - x);
    let line = [
        n.to_string(),
        csv_field(id),
        csv_field(&region),
        csv_field(&sector),
        csv_field(&size),
        status.into(),
        opt(pb),
        opt(pa),
        opt(delta),
        opt(pb.zip(pa).and_then(|(x, y)| pct(x, y))),
        opt(b.as_ref().and_then(|f| f.minimum)),
        opt(a.as_ref().and_then(|f| f.minimum)),
        opt(b.as_ref().and_then(|f| f.prevention_min)),
        opt(a.as_ref().and_then(|f| f.prevention_min)),
        b.as_ref().map(|f| f.obligation).unwrap_or_default().into(),
        a.as_ref().map(|f| f.obligation).unwrap_or_default().into(),
        (changed as u8).to_string(),
        csv_field(&errors),
    ]
    .join(",")
        + "\n";
    Outcome {
        line,
        sector,
        size,
        before: b,
        after: a,
    }
}

/// Counts for one group (a sector or a size class).
#[derive(Default)]
struct Group {
    rows: u64,
    changed: u64,
    before: Decimal,
    after: Decimal,
}

#[derive(Default)]
struct Summary {
    rows: u64,
    priced: u64,
    errors: u64,
    changed: u64,
    premium_up: u64,
    premium_down: u64,
    minimum_changed: u64,
    prevention_changed: u64,
    obligation_changed: u64,
    newly_compulsory: u64,
    before: Decimal,
    after: Decimal,
    /// Premium change (元) of each priced enterprise whose premium changes.
    deltas: Vec<Decimal>,
    /// Premium change (%) of the same enterprises, for the histogram.
    pcts: Vec<Decimal>,
    by_sector: BTreeMap<String, Group>,
    by_size: BTreeMap<String, Group>,
}

impl Summary {
    fn add(&mut self, o: &Outcome) {
        self.rows += 1;
        let (Some(b), Some(a)) = (&o.before, &o.after) else {
            self.errors += 1;
            if o.before.is_some() != o.after.is_some() {
                self.changed += 1;
            }
            return;
        };
        self.priced += 1;
        let changed = b != a;
        self.changed += changed as u64;
        self.before += b.premium;
        self.after += a.premium;
        if a.premium != b.premium {
            self.deltas.push(a.premium - b.premium);
            if let Some(p) = pct(b.premium, a.premium) {
                self.pcts.push(p);
            }
        }
        self.premium_up += (a.premium > b.premium) as u64;
        self.premium_down += (a.premium < b.premium) as u64;
        self.minimum_changed += (a.minimum != b.minimum) as u64;
        self.prevention_changed += (a.prevention_min != b.prevention_min) as u64;
        self.obligation_changed += (a.obligation != b.obligation) as u64;
        self.newly_compulsory +=
            (a.obligation == "compulsory" && b.obligation != "compulsory") as u64;
        for (map, key) in [
            (&mut self.by_sector, &o.sector),
            (&mut self.by_size, &o.size),
        ] {
            // Looked up before inserting: a key is cloned once per group, not once per row.
            if !map.contains_key(key) {
                map.insert(key.clone(), Group::default());
            }
            let Some(g) = map.get_mut(key) else { continue };
            g.rows += 1;
            g.changed += changed as u64;
            g.before += b.premium;
            g.after += a.premium;
        }
    }
}

/// The value at quantile `q` (nearest rank) of sorted values.
fn quantile(sorted: &[Decimal], q: Decimal) -> Option<Decimal> {
    if sorted.is_empty() {
        return None;
    }
    let n = Decimal::from(sorted.len());
    let rank = (q * n).ceil().max(Decimal::ONE);
    let i = usize::try_from(rank.mantissa() / 10i128.pow(rank.scale())).unwrap_or(1);
    sorted
        .get(i.saturating_sub(1).min(sorted.len() - 1))
        .copied()
}

fn markdown(s: &mut Summary, what: &str) -> String {
    s.deltas.sort_unstable();
    s.pcts.sort_unstable();
    let q = |v: &[Decimal], x: &str| {
        quantile(v, x.parse().unwrap_or_default())
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into())
    };
    let largest = |v: &[Decimal]| {
        v.iter()
            .max_by_key(|d| d.abs())
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into())
    };
    let mut out = format!(
        "# 影响测算 Impact of {what}\n\n\
         | | 企业数 enterprises |\n|---|---:|\n\
         | 全部 in the book | {} |\n| 两种规则下均可测算 priced under both | {} |\n| 无法测算 cannot be priced (see the errors column) | {} |\n\
         | 有变化 any figure changes | {} |\n| 保费上升 premium up | {} |\n| 保费下降 premium down | {} |\n\
         | 最低限额变化 minimum limit changes | {} |\n| 事故预防资金下限变化 prevention floor changes | {} |\n\
         | 投保义务变化 obligation changes | {} |\n| 新增强制投保 newly compulsory | {} |\n\n",
        s.rows, s.priced, s.errors, s.changed, s.premium_up, s.premium_down, s.minimum_changed,
        s.prevention_changed, s.obligation_changed, s.newly_compulsory
    );
    out += &format!(
        "保费合计 total premium: {} → {} 元 ({})\n\n",
        s.before,
        s.after,
        pct(s.before, s.after)
            .map(|p| format!("{p:+}%"))
            .unwrap_or_else(|| "—".into())
    );
    out += "保费变化(仅计有变化的企业) premium change, enterprises whose premium changes:\n\n\
            | | 元 yuan | % |\n|---|---:|---:|\n";
    for (name, x) in [
        ("下四分位 lower quartile", "0.25"),
        ("中位数 median", "0.5"),
        ("上四分位 upper quartile", "0.75"),
    ] {
        out += &format!("| {name} | {} | {} |\n", q(&s.deltas, x), q(&s.pcts, x));
    }
    out += &format!(
        "| 最大 largest | {} | {} |\n\n",
        largest(&s.deltas),
        largest(&s.pcts)
    );
    for (title, map) in [
        ("按行业 by sector", &s.by_sector),
        ("按规模 by size", &s.by_size),
    ] {
        out += &format!("## {title}\n\n| | 企业数 enterprises | 有变化 changed | 保费合计 premium before → after (元) | % |\n|---|---:|---:|---:|---:|\n");
        for (k, g) in map {
            let k = if k.is_empty() {
                "(未填 not given)"
            } else {
                k
            };
            out += &format!(
                "| {k} | {} | {} | {} → {} | {} |\n",
                g.rows,
                g.changed,
                g.before,
                g.after,
                pct(g.before, g.after)
                    .map(|p| format!("{p:+}"))
                    .unwrap_or_else(|| "—".into())
            );
        }
        out += "\n";
    }
    out
}

/// A histogram of the premium changes (%) as SVG: bars in 5-point bins (wider when the spread is
/// large), axis labels in both languages.
fn chart(pcts: &[Decimal], what: &str) -> String {
    let (w, h, left, bottom, top) = (640i64, 340i64, 56i64, 60i64, 56i64);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"保费变化分布 Distribution of premium changes\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\n\
         <text x=\"{left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">保费变化分布 Premium change per enterprise (%)</text>\n\
         <text x=\"{left}\" y=\"34\" font-size=\"11\" fill=\"#555\">{}</text>\n",
        xml(what)
    );
    if pcts.is_empty() {
        svg += &format!(
            "<text x=\"{left}\" y=\"{}\">无保费变化 no premium changes</text>\n</svg>\n",
            h / 2
        );
        return svg;
    }
    let (lo, hi) = (pcts[0], pcts[pcts.len() - 1]);
    // Bins of 5, 10, 25 or 50 points: at most 24 bars.
    let step = [5i64, 10, 25, 50, 100, 250, 500]
        .into_iter()
        .find(|s| (hi - lo) / Decimal::from(*s) < Decimal::from(24))
        .unwrap_or(1000);
    let floor = |d: Decimal| (d / Decimal::from(step)).floor() * Decimal::from(step);
    let start = floor(lo);
    let mut bins: Vec<(Decimal, u64)> = Vec::new();
    for p in pcts {
        let b = floor(*p);
        match bins.last_mut() {
            Some((k, n)) if *k == b => *n += 1,
            _ => bins.push((b, 1)),
        }
    }
    let count = ((floor(hi) - start) / Decimal::from(step))
        .to_string()
        .parse::<i64>()
        .unwrap_or(0)
        + 1;
    let max = bins.iter().map(|(_, n)| *n).max().unwrap_or(1) as i64;
    let (pw, ph) = (w - left - 16, h - top - bottom);
    let bw = (pw / count.max(1)).max(2);
    for (k, n) in &bins {
        let i = ((*k - start) / Decimal::from(step))
            .to_string()
            .parse::<i64>()
            .unwrap_or(0);
        let bh = (*n as i64 * ph / max).max(1);
        svg += &format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{bh}\" fill=\"#0b57a4\"><title>{k}% – {}%: {n}</title></rect>\n\
             <text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">{n}</text>\n<text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{k}–{}%</text>\n",
            left + i * bw + 1,
            top + ph - bh,
            bw - 2,
            *k + Decimal::from(step),
            top + ph - bh - 4,
            top + ph + 30,
            *k + Decimal::from(step),
            cx = left + i * bw + bw / 2,
        );
    }
    // Axes, the first and last bin edges, and the tallest bar's count.
    svg += &format!(
        "<line x1=\"{left}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#222\"/>\n<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{y}\" stroke=\"#222\"/>\n\
         <text x=\"{left}\" y=\"{}\">{start}%</text>\n<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}%</text>\n\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{max}</text>\n<text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>\n\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">保费变化 premium change (%) · 企业数 enterprises: {}</text>\n</svg>\n",
        left + count * bw,
        top + ph + 16,
        left + count * bw,
        top + ph + 16,
        start + Decimal::from(step * count),
        left - 6,
        top + 10,
        left - 6,
        top + ph,
        left + pw / 2,
        h - 10,
        pcts.len(),
        y = top + ph,
    );
    svg
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn run(args: &ImpactArgs) -> Result<ExitCode, String> {
    if args.local_rules.is_none() && args.pack.is_none() {
        return Err(
            "name the draft: --local-rules FILE, or --pack NEW (with --base-pack OLD)".into(),
        );
    }
    let before = crate::load_rules(&crate::RuleArgs {
        pack: args.base_pack.clone(),
        local_rules: None,
    })?;
    let after = crate::load_rules(&crate::RuleArgs {
        pack: args.pack.clone().or_else(|| args.base_pack.clone()),
        local_rules: args.local_rules.clone(),
    })?;
    let local = args
        .local_rules
        .as_deref()
        .map(crate::read_local_rules)
        .transpose()?;
    let local_place = local.as_ref().map(|l| l.region.clone());
    let new_place = local.and_then(|l| {
        let pl = l.place?;
        Some(NewPlace {
            id: pl.id,
            parent: pl.parent?,
        })
    });
    let what = [
        args.local_rules
            .as_ref()
            .map(|p| format!("local rules {}", p.display())),
        args.pack.as_ref().map(|p| format!("pack {}", p.display())),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" + ");
    let started = Instant::now();
    let as_of = args.as_of.clone().unwrap_or_default();
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .buffer_capacity(1 << 20)
        .from_reader(open_input(&args.book)?);
    let cols = rdr
        .headers()
        .map_err(|e| e.to_string())
        .and_then(Columns::new)?;
    let (chunks_tx, chunks_rx) = sync_channel::<Vec<Row>>(4);
    let reader_thread = std::thread::spawn(move || read_rows(Source::Csv(rdr), chunks_tx));
    // The writer thread also keeps the summary: the main thread only prices, in parallel, while the
    // last chunk is written and counted.
    let (lines_tx, lines_rx) = sync_channel::<Vec<Outcome>>(4);
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => Box::new(std::io::stdout()),
    };
    let writer_thread = std::thread::spawn(move || -> std::io::Result<Summary> {
        let mut w = BufWriter::with_capacity(1 << 20, out);
        let mut summary = Summary::default();
        w.write_all(HEADER.as_bytes())?;
        for outcomes in lines_rx {
            for o in &outcomes {
                summary.add(o);
                w.write_all(o.line.as_bytes())?;
            }
        }
        w.flush()?;
        Ok(summary)
    });
    for chunk in chunks_rx {
        let (before, after, cols, as_of) = (&before, &after, &cols, as_of.as_str());
        let draft = Draft {
            new_place: new_place.as_ref(),
            only_place: local_place.as_deref().filter(|_| args.pack.is_none()),
        };
        let outcomes: Vec<Outcome> = chunk
            .par_iter()
            .map(|(n, raw)| {
                let (id, input) = match raw {
                    Raw::Csv(rec) => (
                        cols.id.and_then(|k| rec.get(k)).unwrap_or("").to_string(),
                        cols.input(rec, as_of),
                    ),
                    Raw::Json(_) => (
                        String::new(),
                        Err(vec![crate::batch::json_error("row", "not CSV")]),
                    ),
                    Raw::Bad(e) => (String::new(), Err(e.clone())),
                };
                row(*n, &id, &input, before, after, &draft)
            })
            .collect();
        if lines_tx.send(outcomes).is_err() {
            break;
        }
    }
    drop(lines_tx);
    reader_thread.join().map_err(|_| "reader thread panicked")?;
    let mut summary = writer_thread
        .join()
        .map_err(|_| "writer thread panicked")?
        .map_err(|e| format!("writing output: {e}"))?;
    let rows = summary.rows;
    let md = markdown(&mut summary, &what);
    match &args.summary {
        Some(p) => std::fs::write(p, &md).map_err(|e| format!("{}: {e}", p.display()))?,
        None => eprint!("{md}"),
    }
    if let Some(p) = &args.chart {
        std::fs::write(p, chart(&summary.pcts, &what))
            .map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let secs = started.elapsed().as_secs_f64();
    // Seconds and rows per second are measurements, not money: floats are fine here.
    #[allow(clippy::float_arithmetic)]
    if !args.quiet {
        eprintln!(
            "rows {rows}, time {secs:.2}s, {:.0} rows/s (priced twice where the draft can change a row) on {} threads",
            rows as f64 / secs.max(1e-9),
            rayon::current_num_threads()
        );
    }
    Ok(ExitCode::SUCCESS)
}
