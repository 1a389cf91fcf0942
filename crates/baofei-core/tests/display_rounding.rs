//! Issue 27 item 7: one display rounding. Every figure shown (万元 amounts, percentages, rounded
//! ratios) goes through `money::round_half_up`, which must round half away from zero (四舍五入) like
//! `round_fen`, never to even: checked against integer arithmetic over random decimals.

use baofei_core::money::{pct, round_fen, round_half_up, wan};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// `m / 10^s` rounded to `dp` places half away from zero, in integers: the reference.
fn reference(m: i64, s: u32, dp: u32) -> Decimal {
    if s <= dp {
        return Decimal::new(m, s);
    }
    let unit = 10i128.pow(s - dp);
    let (q, r) = (i128::from(m) / unit, i128::from(m) % unit);
    let q = if 2 * r.abs() >= unit {
        q + i128::from(m.signum())
    } else {
        q
    };
    Decimal::from_i128_with_scale(q, dp)
}

proptest! {
    #[test]
    fn display_rounding_is_half_away_from_zero(m in -10_000_000_000i64..10_000_000_000, s in 0u32..8, dp in 0u32..5) {
        let got = round_half_up(Decimal::new(m, s), dp);
        prop_assert_eq!(got, reference(m, s, dp), "{}e-{} to {} places", m, s, dp);
    }

    #[test]
    fn exact_ties_round_away_from_zero(q in 0i64..1_000_000_000, s in 1u32..8, neg in any::<bool>()) {
        // Random decimals almost never land on a tie: build them (…5 one place past the display).
        let m = (q * 10 + 5) * if neg { -1 } else { 1 };
        let got = round_half_up(Decimal::new(m, s), s - 1);
        prop_assert_eq!(got, reference(m, s, s - 1), "{}e-{}", m, s);
    }

    #[test]
    fn wan_and_the_fen_agree_on_ties(yuan in 0i64..100_000_000) {
        // An amount ending in 50 元 is a tie at two places of 万元: it goes up, as the fen does.
        let d = Decimal::from(yuan);
        let shown: Decimal = wan(d).trim_end_matches("万元").parse().unwrap();
        prop_assert_eq!(shown, reference(yuan, 4, 2).normalize());
        prop_assert_eq!(round_fen(Decimal::new(yuan, 3)), reference(yuan, 3, 2));
    }
}

#[test]
fn ties_go_up_in_every_display() {
    let d = |x: &str| x.parse::<Decimal>().unwrap();
    assert_eq!(wan(d("80850")), "8.09万元", "banker's rounding gave 8.08");
    assert_eq!(pct(d("0.2125"), 1), "21.3%");
    assert_eq!(pct(d("0.0125"), 1), "1.3%");
    assert_eq!(round_half_up(d("-0.004"), 2), Decimal::ZERO);
}
