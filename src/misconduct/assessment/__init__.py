"""The College of Policing outcomes guidance: seriousness, purpose and outcome, personal mitigation."""
