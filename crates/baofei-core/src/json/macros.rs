//! `from_json_struct!` and `from_json_keys!`: `FromJson` for the rule types without a derive.

/// Implements [`FromJson`] for a struct from its required and optional (defaulted) fields. The struct
/// literal it expands to names every field, so a field added to the struct but not here fails to build.
#[macro_export]
macro_rules! from_json_struct {
    ($ty:ident { $($req:ident),* $(,)? } $(optional { $($opt:ident),* $(,)? })?) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(
                v: &$crate::json::Json<'_>,
                at: &$crate::json::At<'_>,
            ) -> Result<Self, $crate::json::JsonError> {
                let f = $crate::json::Fields::new(
                    v,
                    at,
                    &[$(stringify!($req),)* $($(stringify!($opt),)*)?],
                )?;
                Ok($ty {
                    $($req: f.req(stringify!($req))?,)*
                    $($($opt: f.opt(stringify!($opt))?,)*)?
                })
            }
        }
        // The same field lists give the type's compact binary form (issue 31, `json::packed`).
        impl $crate::json::packed::Packed for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                $($crate::json::packed::Packed::pack(&self.$req, out);)*
                $($($crate::json::packed::Packed::pack(&self.$opt, out);)*)?
            }
            fn unpack(r: &mut $crate::json::packed::Reader<'_>) -> Self {
                $ty {
                    $($req: $crate::json::packed::Packed::unpack(r),)*
                    $($($opt: $crate::json::packed::Packed::unpack(r),)*)?
                }
            }
        }
        // The same field lists make the type's JSON Schema (issue 30 M8).
        impl $crate::json::shape::Shape for $ty {
            fn shape() -> String {
                $crate::json::shape::object(&[
                    $((stringify!($req), $crate::json::shape::field(|s: &$ty| &s.$req), true),)*
                    $($((stringify!($opt), $crate::json::shape::field(|s: &$ty| &s.$opt), false),)*)?
                ])
            }
        }
    };
}

/// Implements [`FromJson`] and [`FromKey`] for fieldless enums through their `ALL` and `key()` (one
/// list of keys per enum, in `domain`).
#[macro_export]
macro_rules! from_json_keys {
    ($($ty:ident),* $(,)?) => {$(
        impl $crate::json::FromKey for $ty {
            fn from_key(k: &str, at: &$crate::json::At<'_>) -> Result<Self, $crate::json::JsonError> {
                $ty::ALL.iter().copied().find(|v| v.key() == k).ok_or_else(|| {
                    let keys = $ty::ALL.map($ty::key).join(", ");
                    at.error(
                        format!("unknown {} {}, expected one of {keys}", stringify!($ty), $crate::error::quoted(k)),
                        format!("未知的取值 {}，可用: {keys}", $crate::error::quoted(k)),
                    )
                })
            }
        }
        // Its index in `ALL` (issue 31, `json::packed`).
        impl $crate::json::packed::Packed for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                let i = $ty::ALL.iter().position(|v| v == self).expect("a value of ALL");
                out.push(i as u8);
            }
            fn unpack(r: &mut $crate::json::packed::Reader<'_>) -> Self {
                $ty::ALL[usize::from(<u8 as $crate::json::packed::Packed>::unpack(r))]
            }
        }
        impl $crate::json::shape::Shape for $ty {
            fn shape() -> String {
                $crate::json::shape::keys($ty::ALL.map($ty::key))
            }
        }
        impl $crate::json::shape::KeyShape for $ty {
            fn key_shape() -> String {
                <$ty as $crate::json::shape::Shape>::shape()
            }
        }
        impl $crate::json::FromJson for $ty {
            fn from_json(
                v: &$crate::json::Json<'_>,
                at: &$crate::json::At<'_>,
            ) -> Result<Self, $crate::json::JsonError> {
                match v {
                    $crate::json::Json::Str(s) => <$ty as $crate::json::FromKey>::from_key(s, at),
                    _ => Err(at.invalid_type(v, "a string", "字符串")),
                }
            }
        }
    )*};
}
