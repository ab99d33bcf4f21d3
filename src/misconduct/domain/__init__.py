"""The domain: cases, allegations, officers, warnings, proceedings and events, in pure Python."""
