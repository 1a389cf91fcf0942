//! `baofei quote`: streaming, multi-core batch quoting.
//!
//! A reader thread parses chunks of rows, the main thread quotes each chunk in parallel (rayon) and
//! formats the output lines, and a writer thread writes them in input order. Channels are bounded,
//! so memory does not grow with the number of rows.

use baofei_core::fields::{Field, Kind};
use baofei_core::input::{HistoryYear, QuoteInput};
use baofei_core::output::Known;
use baofei_core::{quote_brief, FieldError, Quote, Rules};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

/// Options of `baofei quote`.
#[derive(Args)]
pub struct QuoteArgs {
    /// Input file (CSV or JSON lines), or - for standard input.
    input: PathBuf,
    /// Output file; standard output when omitted.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Input format; guessed from the extension (.jsonl/.ndjson = jsonl), otherwise csv.
    #[arg(long, value_parser = ["csv", "jsonl"])]
    format: Option<String>,
    /// Output format; same as the input format when omitted.
    #[arg(long, value_parser = ["csv", "jsonl"])]
    output_format: Option<String>,
    /// As-of date (YYYY-MM-DD) for rows whose as_of is empty.
    #[arg(long)]
    as_of: Option<String>,
    #[command(flatten)]
    rules: crate::RuleArgs,
    /// No progress bar or summary.
    #[arg(short, long)]
    quiet: bool,
}

const CHUNK: usize = 8192;
const HIST: &[&str] = &[
    "ordinary",
    "larger",
    "serious",
    "especially_serious",
    "deaths",
];

/// Where each known column sits in the header.
pub(crate) struct Columns {
    pub(crate) id: Option<usize>,
    /// Registry fields by column: a column is named by the field's engine key.
    fields: Vec<(usize, Field)>,
    hist: Vec<(usize, usize, &'static str)>,
}

impl Columns {
    pub(crate) fn new(header: &csv::StringRecord) -> Result<Columns, String> {
        let mut c = Columns {
            id: None,
            fields: vec![],
            hist: vec![],
        };
        let mut unknown = vec![];
        for (i, h) in header.iter().enumerate() {
            let h = h.trim();
            if h == "id" {
                c.id = Some(i);
            } else if let Some(f) = Field::from_key(h) {
                c.fields.push((i, f));
            } else if let Some((y, k)) = h.strip_prefix('y').and_then(|r| r.split_once('_')) {
                match (y.parse::<usize>(), HIST.iter().find(|x| **x == k)) {
                    (Ok(y @ 1..=3), Some(k)) => c.hist.push((i, y - 1, k)),
                    _ => unknown.push(h.to_string()),
                }
            } else {
                unknown.push(h.to_string());
            }
        }
        if unknown.is_empty() {
            Ok(c)
        } else {
            Err(format!(
                "unknown CSV column(s): {} (see `baofei quote --help`)",
                unknown.join(", ")
            ))
        }
    }

    pub(crate) fn input(
        &self,
        r: &csv::StringRecord,
        as_of: &str,
    ) -> Result<QuoteInput, Vec<FieldError>> {
        let mut i = QuoteInput::default();
        let mut errs = vec![];
        let get = |k: usize| r.get(k).unwrap_or("").to_string();
        for (k, field) in &self.fields {
            let v = get(*k);
            if field.spec().kind != Kind::Flag {
                i.set(*field, v);
                continue;
            }
            let on = match v.trim().to_lowercase().as_str() {
                "" | "0" | "false" | "no" | "n" | "否" => false,
                "1" | "true" | "yes" | "y" | "是" => true,
                other => {
                    errs.push(FieldError::new(
                        field.key(),
                        baofei_core::ErrorCode::Invalid,
                        format!("{}应为 是/否，而非 {other}", field.spec().name.zh),
                        format!("{} must be yes or no, not {other:?}", field.spec().name.en),
                    ));
                    false
                }
            };
            i.set(*field, if on { "1" } else { "" }.into());
        }
        if !self.hist.is_empty() {
            i.history = vec![
                HistoryYear::default(),
                HistoryYear::default(),
                HistoryYear::default(),
            ];
            for (k, y, name) in &self.hist {
                let v = get(*k);
                let h = &mut i.history[*y];
                match *name {
                    "ordinary" => h.ordinary = v,
                    "larger" => h.larger = v,
                    "serious" => h.serious = v,
                    "especially_serious" => h.especially_serious = v,
                    _ => h.deaths = v,
                }
            }
        }
        if i.as_of.trim().is_empty() {
            i.as_of = as_of.to_string();
        }
        if errs.is_empty() {
            Ok(i)
        } else {
            Err(errs)
        }
    }
}

/// One input row as read, before conversion: conversion happens in the parallel stage, so the reader
/// thread only splits records and never becomes the bottleneck.
pub(crate) enum Raw {
    Csv(csv::StringRecord),
    Json(String),
    Bad(Vec<FieldError>),
}

/// Its number (1 = first data row) and content.
pub(crate) type Row = (u64, Raw);

/// Where rows come from: a CSV reader whose header is already parsed, or JSON lines.
pub(crate) enum Source {
    Csv(csv::Reader<Box<dyn Read + Send>>),
    Jsonl(BufReader<Box<dyn Read + Send>>),
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

const CSV_HEADER: &str = "row,id,status,premium,premium_low,premium_high,guided_premium,obligation,minimum_per_person,below_minimum,prevention_min,prevention_max,band,float,illustrative,warnings,errors\n";

fn errors_text(errs: &[FieldError]) -> String {
    errs.iter()
        .map(|e| format!("{}: {}", e.field, e.message_en))
        .collect::<Vec<_>>()
        .join("; ")
}

fn opt(d: Option<rust_decimal::Decimal>) -> String {
    d.map(|x| x.to_string()).unwrap_or_default()
}

fn format_csv(
    row: u64,
    id: &str,
    r: &Result<Quote, Vec<FieldError>>,
    known: Option<&Known>,
) -> String {
    match r {
        Ok(q) => {
            let warnings: Vec<&str> = q.warnings.iter().map(|w| w.code.as_str()).collect();
            format!(
                "{row},{},ok,{},{},{},{},{},{},{},{},{},{},{},{},{},\n",
                csv_field(id),
                q.premium,
                q.premium_low,
                q.premium_high,
                q.guided_premium,
                q.obligation.level.key().to_owned(),
                opt(q.limits.minimum_per_person),
                q.limits.below_minimum,
                opt(q.prevention.min_amount),
                opt(q.prevention.max_amount),
                q.band.kind.key(),
                q.band.factor.normalize(),
                q.illustrative,
                csv_field(&warnings.join(";")),
            )
        }
        Err(errs) => format!(
            "{row},{},error,,,,,{},{},,,,,,,,{}\n",
            csv_field(id),
            known.map(|k| k.obligation.level.key()).unwrap_or(""),
            opt(known.and_then(|k| k.minimum_per_person)),
            csv_field(&errors_text(errs))
        ),
    }
}

fn format_jsonl(
    row: u64,
    id: &str,
    r: &Result<Quote, Vec<FieldError>>,
    known: Option<&Known>,
) -> String {
    let v = match r {
        Ok(q) => serde_json::json!({
            "row": row, "id": id, "status": "ok",
            "premium": q.premium.to_string(), "premium_low": q.premium_low.to_string(), "premium_high": q.premium_high.to_string(),
            "guided_premium": q.guided_premium.to_string(), "obligation": q.obligation.level,
            "minimum_per_person": q.limits.minimum_per_person.map(|d| d.to_string()), "below_minimum": q.limits.below_minimum,
            "prevention_min": q.prevention.min_amount.map(|d| d.to_string()), "prevention_max": q.prevention.max_amount.map(|d| d.to_string()),
            "band": q.band.kind, "float": q.band.factor.normalize().to_string(), "illustrative": q.illustrative,
            "warnings": q.warnings.iter().map(|w| w.code.as_str()).collect::<Vec<_>>(),
        }),
        Err(errs) => serde_json::json!({
            "row": row, "id": id, "status": "error", "errors": errs,
            "obligation": known.map(|k| k.obligation.level),
            "minimum_per_person": known.and_then(|k| k.minimum_per_person).map(|d| d.to_string()),
        }),
    };
    let mut s = v.to_string();
    s.push('\n');
    s
}

pub(crate) fn open_input(path: &PathBuf) -> Result<Box<dyn Read + Send>, String> {
    if path.as_os_str() == "-" {
        Ok(Box::new(std::io::stdin()))
    } else {
        std::fs::File::open(path)
            .map(|f| Box::new(f) as Box<dyn Read + Send>)
            .map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Runs `baofei quote`.
pub fn run(args: &QuoteArgs) -> Result<ExitCode, String> {
    let rules = crate::load_rules(&args.rules)?;
    let started = Instant::now();
    let in_fmt = args.format.clone().unwrap_or_else(|| {
        let ext = args
            .input
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        if matches!(ext, "jsonl" | "ndjson") {
            "jsonl"
        } else {
            "csv"
        }
        .into()
    });
    let out_fmt = args.output_format.clone().unwrap_or_else(|| in_fmt.clone());
    let as_of = args.as_of.clone().unwrap_or_default();
    let reader = open_input(&args.input)?;
    let (cols, source) = if in_fmt == "jsonl" {
        (
            None,
            Source::Jsonl(BufReader::with_capacity(1 << 20, reader)),
        )
    } else {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .buffer_capacity(1 << 20)
            .from_reader(reader);
        let cols = rdr
            .headers()
            .map_err(|e| e.to_string())
            .and_then(Columns::new)?;
        (Some(cols), Source::Csv(rdr))
    };

    let (chunks_tx, chunks_rx) = sync_channel::<Vec<Row>>(4);
    let reader_thread = std::thread::spawn(move || read_rows(source, chunks_tx));
    let (lines_tx, lines_rx) = sync_channel::<String>(4);
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => Box::new(std::io::stdout()),
    };
    let csv_out = out_fmt == "csv";
    let writer_thread = std::thread::spawn(move || -> std::io::Result<()> {
        let mut w = BufWriter::with_capacity(1 << 20, out);
        if csv_out {
            w.write_all(CSV_HEADER.as_bytes())?;
        }
        for block in lines_rx {
            w.write_all(block.as_bytes())?;
        }
        w.flush()
    });

    let bar = if args.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::new_spinner();
        b.set_style(
            ProgressStyle::with_template("{spinner} {human_pos} rows  {per_sec}  {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        b
    };
    let (mut rows, mut rejected) = (0u64, 0u64);
    for chunk in chunks_rx {
        let rules: &Rules = &rules;
        let (cols, as_of) = (cols.as_ref(), as_of.as_str());
        let formatted: Vec<(bool, String)> = chunk
            .par_iter()
            .map(|(row, raw)| {
                let (id, input) = match (raw, cols) {
                    (Raw::Csv(rec), Some(cols)) => (
                        cols.id.and_then(|k| rec.get(k)).unwrap_or("").to_string(),
                        cols.input(rec, as_of),
                    ),
                    (Raw::Json(line), _) => parse_json_row(line, as_of),
                    (Raw::Bad(e), _) => (String::new(), Err(e.clone())),
                    (Raw::Csv(_), None) => (
                        String::new(),
                        Err(vec![json_error("row", "CSV row without a header")]),
                    ),
                };
                let id = id.as_str();
                // A row that cannot be priced keeps what still holds: obligation and minimum.
                let (r, known) = match input {
                    Ok(i) => match quote_brief(rules, &i) {
                        Ok(q) => (Ok(q), None),
                        Err(e) => (Err(e.0), baofei_core::quote::known(rules, &i)),
                    },
                    Err(e) => (Err(e), None),
                };
                let line = if csv_out {
                    format_csv(*row, id, &r, known.as_ref())
                } else {
                    format_jsonl(*row, id, &r, known.as_ref())
                };
                (r.is_ok(), line)
            })
            .collect();
        rows += formatted.len() as u64;
        rejected += formatted.iter().filter(|(ok, _)| !ok).count() as u64;
        let block: String = formatted.into_iter().map(|(_, l)| l).collect();
        if lines_tx.send(block).is_err() {
            break;
        }
        bar.set_position(rows);
    }
    drop(lines_tx);
    bar.finish_and_clear();
    reader_thread.join().map_err(|_| "reader thread panicked")?;
    writer_thread
        .join()
        .map_err(|_| "writer thread panicked")?
        .map_err(|e| format!("writing output: {e}"))?;
    let secs = started.elapsed().as_secs_f64();
    // Seconds and rows per second are measurements, not money: floats are fine here.
    #[allow(clippy::float_arithmetic)]
    if !args.quiet {
        eprintln!(
            "rows {rows}, quoted {}, rejected {rejected}, time {secs:.2}s, {:.0} rows/s on {} threads",
            rows - rejected,
            rows as f64 / secs.max(1e-9),
            rayon::current_num_threads()
        );
    }
    Ok(if rejected == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub(crate) fn read_rows(source: Source, tx: std::sync::mpsc::SyncSender<Vec<Row>>) {
    let mut buf = Vec::with_capacity(CHUNK);
    let mut row = 0u64;
    let flush = |buf: &mut Vec<Row>| {
        tx.send(std::mem::replace(buf, Vec::with_capacity(CHUNK)))
            .is_ok()
    };
    match source {
        Source::Jsonl(lines) => {
            for line in lines.lines() {
                row += 1;
                match line {
                    Ok(l) if l.trim().is_empty() => continue,
                    Ok(l) => buf.push((row, Raw::Json(l))),
                    Err(e) => buf.push((row, Raw::Bad(vec![json_error("line", &e.to_string())]))),
                }
                if buf.len() == CHUNK && !flush(&mut buf) {
                    return;
                }
            }
        }
        Source::Csv(mut rdr) => loop {
            let mut rec = csv::StringRecord::new();
            match rdr.read_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {
                    row += 1;
                    buf.push((row, Raw::Csv(rec)));
                }
                Err(e) => {
                    row += 1;
                    let err = FieldError::new(
                        "row",
                        baofei_core::ErrorCode::Invalid,
                        format!("CSV 行无法解析: {e}"),
                        format!("unreadable CSV row: {e}"),
                    );
                    buf.push((row, Raw::Bad(vec![err])));
                }
            }
            if buf.len() == CHUNK && !flush(&mut buf) {
                return;
            }
        },
    }
    if !buf.is_empty() {
        flush(&mut buf);
    }
}

pub(crate) fn json_error(field: &str, msg: &str) -> FieldError {
    FieldError::new(
        field,
        baofei_core::ErrorCode::Invalid,
        format!("JSON 无法解析: {msg}"),
        format!("cannot parse JSON: {msg}"),
    )
}

/// One JSON line: its id and the input, with unknown keys and JSON floats named by their own field.
fn parse_json_row(line: &str, as_of: &str) -> (String, Result<QuoteInput, Vec<FieldError>>) {
    let mut v: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return (String::new(), Err(vec![json_error("json", &e.to_string())])),
    };
    let Some(obj) = v.as_object_mut() else {
        return (
            String::new(),
            Err(vec![json_error("json", "expected an object")]),
        );
    };
    let id = match obj.remove("id") {
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let known = serde_json::to_value(QuoteInput::default()).unwrap_or_default();
    let mut errs = vec![];
    for (k, val) in obj.iter() {
        if known.get(k).is_none() {
            errs.push(FieldError::new(
                k.as_str(),
                baofei_core::ErrorCode::Unknown,
                format!("未知字段 {k}"),
                format!("unknown field {k}"),
            ));
        } else if val.is_f64() {
            errs.push(FieldError::new(
                k.as_str(),
                baofei_core::ErrorCode::Invalid,
                "小数须写成字符串，如 \"0.45\"",
                format!("{k}: decimals must be strings, e.g. \"0.45\""),
            ));
        }
    }
    if !errs.is_empty() {
        return (id, Err(errs));
    }
    match serde_json::from_value::<QuoteInput>(v) {
        Ok(mut i) => {
            if i.as_of.trim().is_empty() {
                i.as_of = as_of.to_string();
            }
            (id, Ok(i))
        }
        Err(e) => (id, Err(vec![json_error("json", &e.to_string())])),
    }
}

/// Writes `rows` synthetic enterprises as CSV (deterministic; for benchmarks).
pub fn sample(rows: u64) -> Result<ExitCode, String> {
    let out = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, out.lock());
    let sectors = [
        "hazardous_chemicals.production",
        "mining.non_coal_underground",
        "metal_smelting.ferrous",
        "fireworks.trading",
        "fishery.marine",
        "other.general",
        "construction.general",
        "mining.coal",
    ];
    let regions = [
        "chongqing",
        "jilin",
        "national",
        "guangdong_zhongshan",
        "hunan",
        "hubei",
    ];
    let grades = baofei_core::domain::StandardisationGrade::KEYS;
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let io = |e: std::io::Error| e.to_string();
    writeln!(w, "id,as_of,region,line,sector,employees,contract_value,tonnage,standardisation,blacklisted,y1_ordinary,y1_larger,y1_deaths,y2_ordinary,y2_deaths").map_err(io)?;
    for i in 0..rows {
        let r = next();
        let acc = r % 7 == 0;
        writeln!(
            w,
            "E{i},2026-06-01,{},work_safety,{},{},{},{},{},{},{},{},{},{},{}",
            regions[(r % 6) as usize],
            sectors[((r >> 8) % 8) as usize],
            10 + (r >> 16) % 3000,
            1_000_000 + (r >> 20) % 500_000_000,
            10_000 + (r >> 24) % 300_000,
            grades[((r >> 28) % 4) as usize],
            u8::from((r >> 32) % 20 == 0),
            u8::from(acc),
            u8::from(acc && (r >> 36) % 5 == 0),
            if acc { (r >> 40) % 4 } else { 0 },
            (r >> 44) % 30 / 29,
            // Deaths only in a year with an accident, so every sample row is valid.
            if (r >> 44) % 30 / 29 > 0 {
                (r >> 48) % 2
            } else {
                0
            },
        )
        .map_err(io)?;
    }
    w.flush().map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registry_field_is_a_column_that_lands_in_its_field() {
        let keys: Vec<&str> = baofei_core::fields::FIELDS.iter().map(|f| f.key).collect();
        let header = csv::StringRecord::from(keys.clone());
        let columns = Columns::new(&header).expect("every registry key is a known column");
        // A value in each column reaches the engine under the same JSON name.
        let row: Vec<&str> = baofei_core::fields::FIELDS
            .iter()
            .map(|f| match f.kind {
                Kind::Flag => "是",
                _ => "7",
            })
            .collect();
        let input = columns
            .input(&csv::StringRecord::from(row), "2026-12-03")
            .expect("flags read");
        let json = serde_json::to_value(&input).expect("serialises");
        for f in baofei_core::fields::FIELDS {
            let want = match f.kind {
                Kind::Flag => serde_json::Value::Bool(true),
                _ => serde_json::Value::String("7".into()),
            };
            assert_eq!(json[f.key], want, "{}", f.key);
        }
        assert!(Columns::new(&csv::StringRecord::from(vec!["employes"])).is_err());
    }
}
