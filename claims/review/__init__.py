"""The newsroom: review queue, claim workspace, tasks, publication (journalists, editors)."""
