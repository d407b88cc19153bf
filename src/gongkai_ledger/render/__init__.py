"""Output formats: one module per view with a function per format (`to_table`, `to_json`,
`to_csv`, `to_markdown`…), and the escapers every output shares."""
