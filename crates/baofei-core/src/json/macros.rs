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
