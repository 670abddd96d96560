//! The catalogue of known agreements (stub: being written).
