//! The compact binary form of the shipped rules, for the first look's wasm (issue 31).
//!
//! Why: a link's premium on a slow phone waits for the first look's engine, and about a third of its
//! bytes were the JSON reader (the parser, the field matching, the error messages with their paths)
//! and the JSON text's member names. The shipped rules were read and checked at build time
//! (baofei-rules' build.rs), so the browser does not need to read them again strictly: build.rs
//! writes them in this form as well, and [`unpack`] reads them back with a reader that only counts
//! lengths (and stops the program on bytes that are not the build's, which tests rule out). It is never used for anything from outside (a pack, a host's file): those keep the
//! strict JSON reader with its limits and messages.
//!
//! The form: each value in the order of its type's fields (the same field lists as [`FromJson`]'s
//! readings, through the same macros); a length or a whole number as LEB128; a string as its length
//! and UTF-8 bytes; an option or a bool as one byte; a decimal as its 16 bytes
//! ([`Decimal::serialize`]); a date as its `YYYY-MM-DD` text; an enum as its index in its `ALL`.
//!
//! [`FromJson`]: super::FromJson

use crate::map::SortedMap;
use rust_decimal::Decimal;

/// A type with a compact binary form (see the module's note).
pub trait Packed: Sized {
    /// Appends `self`'s form to `out`.
    fn pack(&self, out: &mut Vec<u8>);
    /// Reads one value.
    ///
    /// # Panics
    /// When the bytes end early or are not of this type's form. They are the build's own (never
    /// anyone else's), and a reader that failed by returning would carry the drop code of every
    /// half-read value: in the first look's wasm that was a third of the reader (issue 31).
    fn unpack(r: &mut Reader<'_>) -> Self;
}

/// Reads values from a packed buffer, front to back.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

/// Stops on bytes that are not of the expected form (see [`Packed::unpack`]).
#[cold]
pub fn malformed() -> ! {
    panic!("packed rules: bytes not of the expected form (rebuild baofei-rules)")
}

impl<'a> Reader<'a> {
    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> &'a [u8] {
        if n > self.bytes.len() {
            malformed();
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        head
    }

    /// A LEB128 whole number.
    pub fn number(&mut self) -> usize {
        let mut n = 0usize;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)[0];
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return n;
            }
        }
        malformed()
    }
}

/// Appends `n` as LEB128.
pub fn pack_len(mut n: usize, out: &mut Vec<u8>) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// `value`'s packed form.
pub fn pack<T: Packed>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.pack(&mut out);
    out
}

/// Reads a `T` that fills `bytes` exactly.
///
/// # Panics
/// When it does not (see [`Packed::unpack`]).
pub fn unpack<T: Packed>(bytes: &[u8]) -> T {
    let mut r = Reader { bytes };
    let v = T::unpack(&mut r);
    if !r.bytes.is_empty() {
        malformed();
    }
    v
}

impl Packed for String {
    fn pack(&self, out: &mut Vec<u8>) {
        pack_len(self.len(), out);
        out.extend_from_slice(self.as_bytes());
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        let n = r.number();
        match std::str::from_utf8(r.take(n)) {
            Ok(s) => s.to_owned(),
            Err(_) => malformed(),
        }
    }
}

impl Packed for bool {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        match r.take(1)[0] {
            0 => false,
            1 => true,
            _ => malformed(),
        }
    }
}

impl Packed for u8 {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        r.take(1)[0]
    }
}

impl Packed for u32 {
    fn pack(&self, out: &mut Vec<u8>) {
        pack_len(*self as usize, out);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        r.number().try_into().unwrap_or_else(|_| malformed())
    }
}

impl Packed for Decimal {
    fn pack(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.serialize());
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        let mut b = [0u8; 16];
        b.copy_from_slice(r.take(16));
        Decimal::deserialize(b)
    }
}

impl Packed for crate::date::Date {
    fn pack(&self, out: &mut Vec<u8>) {
        self.to_string().pack(out);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        crate::date::Date::parse(&String::unpack(r)).unwrap_or_else(|| malformed())
    }
}

impl<T: Packed> Packed for Option<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        self.is_some().pack(out);
        if let Some(v) = self {
            v.pack(out);
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        bool::unpack(r).then(|| T::unpack(r))
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        pack_len(self.len(), out);
        for v in self {
            v.pack(out);
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        let n = r.number();
        // Not `with_capacity(n)` alone: each item takes at least one byte, so more than the bytes
        // left is malformed, and must not reserve memory first.
        let mut out = Vec::with_capacity(n.min(r.bytes.len()));
        for _ in 0..n {
            out.push(T::unpack(r));
        }
        out
    }
}

impl<K: Packed + Ord, V: Packed> Packed for SortedMap<K, V> {
    fn pack(&self, out: &mut Vec<u8>) {
        pack_len(self.len(), out);
        for (k, v) in self.iter() {
            k.pack(out);
            v.pack(out);
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        let n = r.number();
        let mut out = SortedMap::new();
        for _ in 0..n {
            let k = K::unpack(r);
            out.insert(k, V::unpack(r));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_come_back_as_they_went() {
        let d = crate::date::Date::parse("2026-12-04").unwrap();
        let v: (Vec<Option<String>>, Decimal) = (
            vec![Some("安责险".into()), None, Some(String::new())],
            Decimal::new(-12345, 3),
        );
        let mut out = Vec::new();
        v.0.pack(&mut out);
        v.1.pack(&mut out);
        d.pack(&mut out);
        300u32.pack(&mut out);
        let mut r = Reader { bytes: &out };
        assert_eq!(Vec::<Option<String>>::unpack(&mut r), v.0);
        assert_eq!(<Decimal as Packed>::unpack(&mut r), v.1);
        assert_eq!(crate::date::Date::unpack(&mut r), d);
        assert_eq!(u32::unpack(&mut r), 300);
        assert!(r.bytes.is_empty());
    }

    #[test]
    fn short_trailing_or_foreign_bytes_stop_the_reader() {
        let out = pack(&vec!["abc".to_string()]);
        assert_eq!(unpack::<Vec<String>>(&out), vec!["abc".to_string()]);
        let stops = |f: fn()| std::panic::catch_unwind(f).is_err();
        assert!(stops(|| {
            let out = pack(&vec!["abc".to_string()]);
            unpack::<Vec<String>>(&out[..out.len() - 1]);
        }));
        assert!(stops(|| {
            let mut out = pack(&vec!["abc".to_string()]);
            out.push(0);
            unpack::<Vec<String>>(&out);
        }));
        assert!(stops(|| {
            unpack::<bool>(&[2]);
        }));
    }
}
