from teikit.cli import run

run()
