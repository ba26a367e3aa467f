"""The machinery the constructions share; ``runner.DocExtractor`` composes its mixins."""
