//! What the statutes answer about a place: whether it has rules of its own for a line, which
//! regions it sits in, and the words a borrowed citation carries there.

use super::{Param, Statutes};
use crate::citation::{Citation, Reference};
use crate::domain::Line;

impl Statutes {
    /// Whether the statutes hold any rule of the place `chain` names itself (not a national one) for
    /// `line`: a regional value, obligation, service or note keyed to the region or a region it sits
    /// in. Where none is, the quote says plainly that the national rules of that line apply. Per line,
    /// because a province with its own 安责险 rules may have no 环责险 rule at all (newcomer review
    /// 10.1: Jiangsu's environmental quote was told the work-safety measures applied).
    pub fn local_rules(&self, chain: &[&str], line: Line) -> bool {
        let local = |regions: &[String]| regions.iter().any(|r| chain.contains(&r.as_str()));
        // One test for every dated parameter, whatever its value type: a value keyed to the place.
        fn keyed<T>(p: Option<&Param<T>>, chain: &[&str]) -> bool {
            p.is_some_and(|p| p.regions.keys().any(|r| chain.contains(&r.as_str())))
        }
        self.obligations
            .iter()
            .any(|o| o.line == line && local(&o.regions))
            || self
                .services
                .iter()
                .any(|s| s.line == line && local(&s.regions))
            || self
                .guidance
                .iter()
                .any(|g| g.line == line && local(&g.regions))
            || (line == Line::WorkSafety && keyed(Some(&self.minimum_limit), chain))
            || keyed(self.penalty.get(&line), chain)
            || keyed(self.float_band.get(&line), chain)
            || keyed(self.prevention_min.get(&line), chain)
            || keyed(self.prevention_max.get(&line), chain)
            || (line == Line::WorkSafety
                && (keyed(Some(&self.offer_rules.services_in_contract), chain)
                    || keyed(Some(&self.offer_rules.covered_items), chain)
                    || keyed(Some(&self.offer_rules.commission_cap), chain)
                    || keyed(Some(&self.offer_rules.policy_term_years), chain)))
    }

    /// How a citation fixed in code (the self-assessment's questions, the next steps) reads for an
    /// enterprise of `line` in the place `chain` names: `None` where the document is national or the
    /// place's own; otherwise the words a borrowed rule carries everywhere else ("参照重庆市规定",
    /// "借用安责险规定"), read off the statutes: the regions whose own rules cite the document, and the
    /// lines they belong to (newcomer review 9.6, 6.4, 10.6: a Chongqing letter cited for Jiangsu).
    pub fn reference_for(&self, chain: &[&str], line: Line, c: &Citation) -> Option<Reference> {
        let mut places: Vec<&str> = Vec::new();
        let mut lines: Vec<Line> = Vec::new();
        // A document some national rule cites is national: no label (its places are not "elsewhere").
        let mut national = false;
        let cites = |doc: &Citation| doc.document == c.document && doc.number == c.number;
        let items = self
            .obligations
            .iter()
            .map(|o| (&o.source, &o.regions, o.line))
            .chain(
                self.services
                    .iter()
                    .map(|v| (&v.source, &v.regions, v.line)),
            )
            .chain(
                self.guidance
                    .iter()
                    .map(|g| (&g.source, &g.regions, g.line)),
            );
        for (doc, regions, l) in items {
            if !cites(doc) {
                continue;
            }
            if !lines.contains(&l) {
                lines.push(l);
            }
            national |= regions.is_empty();
            for r in regions {
                if !places.contains(&r.as_str()) {
                    places.push(r.as_str());
                }
            }
        }
        let other_line = !lines.is_empty() && !lines.contains(&line);
        let foreign = !national && !places.is_empty() && !places.iter().any(|p| chain.contains(p));
        let place = places
            .first()
            .and_then(|p| self.regions.iter().find(|r| r.id == *p));
        let (lz, le) = match line {
            Line::WorkSafety => ("环责险", "环责险"),
            Line::Environmental => ("安责险", "安责险"),
        };
        match (other_line, foreign.then_some(place).flatten()) {
            (true, Some(p)) => Some(Reference {
                zh: format!("借用{lz}规定(假设)，参照{}规定", p.name_zh),
                en: format!("borrowed from {le} (assumption); reference: {}", p.name_en),
            }),
            (true, None) => Some(Reference {
                zh: format!("借用{lz}规定(假设)"),
                en: format!("borrowed from {le} (assumption)"),
            }),
            (false, Some(p)) => Some(Reference {
                zh: format!("参照{}规定", p.name_zh),
                en: format!("reference: {}", p.name_en),
            }),
            (false, None) => None,
        }
    }

    /// Whether the place has a rule of its own for either line (the rules page and the region list,
    /// which cover both lines).
    pub fn local_rules_any(&self, chain: &[&str]) -> bool {
        self.local_rules(chain, Line::WorkSafety) || self.local_rules(chain, Line::Environmental)
    }

    /// The place a region id names, most local first: the region, then the regions it sits in
    /// (`jiangsu_wuxi` → `["jiangsu_wuxi", "jiangsu"]`). Validation keeps parents known and one
    /// level deep; the walk stops on a cycle all the same.
    pub fn chain<'a>(&'a self, region: &'a str) -> Vec<&'a str> {
        let mut out = vec![region];
        let mut cur = region;
        while let Some(p) = self
            .regions
            .iter()
            .find(|r| r.id == cur)
            .and_then(|r| r.parent.as_deref())
        {
            if out.contains(&p) {
                break;
            }
            out.push(p);
            cur = p;
        }
        out
    }
}
