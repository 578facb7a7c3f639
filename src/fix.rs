//! Fixes: apply substitutions.
