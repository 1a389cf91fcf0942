//! Rounding and formatting of money and factors. The only place a rounding strategy is chosen.

use rust_decimal::{Decimal, RoundingStrategy};

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

/// An amount in 元 as 万元, the unit of the form's amount fields: 200000 → "20万元". For messages only
/// (exact: a division by 10,000 of a decimal, normalised).
pub fn wan(yuan: Decimal) -> String {
    format!("{}万元", (yuan / Decimal::from(10_000)).normalize())
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
