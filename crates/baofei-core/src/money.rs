//! Rounding and formatting of money, factors and percentages. The only place a rounding strategy is
//! chosen: [`round_fen`] for amounts the engine reports, [`round_half_up`] for every figure shown (the
//! widget, the offer check's sentences, the CLI, the print sheet), both half away from zero (四舍五入).

use rust_decimal::{Decimal, RoundingStrategy};

/// A decimal in plain notation ("12.5", "-3", "0.40"), as every reader here means one: rust_decimal's
/// `FromStr` also reads scientific notation, so "1e5" typed as an amount was read as 100,000 instead
/// of being refused at its field; and its scientific reader was 2.5 KB of the first look's engine
/// (issue 31).
pub fn parse_plain(s: &str) -> Option<Decimal> {
    Decimal::from_str_radix(s, 10).ok()
}

/// Rounds an amount in 元 to the fen (0.01) half away from zero (四舍五入), the convention of Chinese
/// premium notices. Applied once per reported amount, never to intermediate products. `-0` becomes `0`.
pub fn round_fen(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r = Decimal::ZERO;
    }
    // round_dp never adds places: 138000.0 must still print as 138000.00.
    r.rescale(2);
    r
}

/// A figure for display to `dp` places, half away from zero (四舍五入) as Chinese notices round, never
/// to even: 8.085 → 8.09 at two places (banker's rounding gave 8.08 beside a breakdown that multiplied
/// 8.09). `-0` becomes `0`. Every displayed 万元 amount, percentage and rounded ratio goes through it.
pub fn round_half_up(d: Decimal, dp: u32) -> Decimal {
    let r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        Decimal::ZERO
    } else {
        r
    }
}

/// A ratio as a percentage to `dp` places, half away from zero, trailing zeros dropped: 0.2125 →
/// "21.3%" at one place.
pub fn pct(ratio: Decimal, dp: u32) -> String {
    format!(
        "{}%",
        round_half_up(ratio * Decimal::ONE_HUNDRED, dp).normalize()
    )
}

/// A factor or rate for display: trailing zeros dropped, at least two decimals (`1.2` → `1.20`).
pub fn fmt_factor(d: Decimal) -> String {
    let n = d.normalize();
    if n.scale() < 2 {
        let mut x = n;
        x.rescale(2);
        x.to_string()
    } else {
        n.to_string()
    }
}

/// An amount in 元 as 万元, the unit of the form's amount fields: 200000 → "20万元". The one display
/// of 万元 everywhere (the widget's figures, the offer check's sentences, messages): rounded 四舍五入
/// to two places of 万元 (to the hundred 元), trailing zeros dropped. 80,850 → "8.09万元", never
/// "8.08万元" beside a breakdown that multiplies it, and never "11.088万元" beside "11.09万元" (newcomer
/// review 2.7, 9.3).
pub fn wan(yuan: Decimal) -> String {
    // -0 (a tiny negative change) reads as 0.
    let w = round_half_up(yuan / Decimal::from(10_000), 2).normalize();
    format!("{w}万元")
}

/// An amount in 元 for a sentence or a trace row, grouped, with the fen only where there is one:
/// 400000 → "400,000", 48000.5 → "48,000.50" (newcomer review 1.16, 5.4: no raw "400000").
pub fn yuan(d: Decimal) -> String {
    let s = grouped(d);
    s.strip_suffix(".00").map(str::to_owned).unwrap_or(s)
}

/// A ratio shown beside the band it is compared with: two places, or as many more (up to six) as it
/// takes for the shown figure to fall on the same side of each edge as the exact one. 0.495 against a
/// band from 0.50 reads "0.495", never "0.50 … below 0.50" (newcomer review 9.4).
pub fn fmt_ratio_against(x: Decimal, low: Decimal, high: Decimal) -> String {
    for dp in 2..=6 {
        let r = round_half_up(x, dp);
        if (r < low) == (x < low) && (r > high) == (x > high) {
            return fmt_factor(r);
        }
    }
    fmt_factor(round_half_up(x, 6))
}

/// An amount in 元 rounded to the fen, with thousands separators: 54000.5 → "54,000.50".
pub fn grouped(yuan: Decimal) -> String {
    let s = round_fen(yuan).to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let (sign, digits) = int.strip_prefix('-').map(|x| ("-", x)).unwrap_or(("", int));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}.{frac}")
}

/// An amount for English readers: "CNY 181,440", the fen shown only when there are any (万元 is for
/// Chinese readers). The one English money format of the widget and the offer check's sentences.
pub fn cny(yuan: Decimal) -> String {
    let s = grouped(yuan);
    format!("CNY {}", s.strip_suffix(".00").unwrap_or(&s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn plain_notation_only() {
        assert_eq!(parse_plain("12.5"), Decimal::from_str("12.5").ok());
        assert_eq!(parse_plain("-0.40"), Decimal::from_str("-0.40").ok());
        for bad in ["1e5", "2.5E-3", "", " ", "abc", "NaN", "1.2.3"] {
            assert_eq!(parse_plain(bad), None, "{bad}");
        }
    }

    #[test]
    fn wan_rounds_half_away_from_zero_like_the_fen() {
        let d = |x: &str| Decimal::from_str(x).unwrap();
        assert_eq!(wan(d("80850")), "8.09万元");
        assert_eq!(wan(d("110880")), "11.09万元");
        assert_eq!(wan(d("172480")), "17.25万元");
        assert_eq!(wan(d("400000")), "40万元");
        assert_eq!(wan(d("-0.4")), "0万元");
    }

    #[test]
    fn a_ratio_is_never_rounded_onto_the_band_edge() {
        let d = |x: &str| Decimal::from_str(x).unwrap();
        assert_eq!(fmt_ratio_against(d("0.49513"), d("0.5"), d("1.4")), "0.495");
        assert_eq!(fmt_ratio_against(d("1.4004"), d("0.5"), d("1.4")), "1.4004");
        assert_eq!(fmt_ratio_against(d("2.0292"), d("0.5"), d("1.4")), "2.03");
        assert_eq!(fmt_ratio_against(d("0.5"), d("0.5"), d("1.4")), "0.50");
    }

    #[test]
    fn english_amounts_are_grouped_and_keep_the_fen() {
        assert_eq!(cny(Decimal::from(400_000)), "CNY 400,000");
        assert_eq!(cny(Decimal::new(5670050, 2)), "CNY 56,700.50");
        assert_eq!(cny(Decimal::from(999)), "CNY 999");
        assert_eq!(grouped(Decimal::new(-12345675, 1)), "-1,234,567.50");
    }

    #[test]
    fn half_away_from_zero_at_the_fen() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(round_fen(d("0.125")).to_string(), "0.13");
        assert_eq!(round_fen(d("0.135")).to_string(), "0.14");
        assert_eq!(round_fen(d("2.5")).to_string(), "2.50");
        assert_eq!(round_fen(d("-0.001")).to_string(), "0.00");
        assert_eq!(round_fen(d("138000.0")).to_string(), "138000.00");
        assert_eq!(round_fen(d("7")).to_string(), "7.00");
        assert_eq!(fmt_factor(d("1.2")), "1.20");
        assert_eq!(fmt_factor(d("0.00145")), "0.00145");
    }
}
