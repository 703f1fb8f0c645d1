"""Command line (typer + rich). Each module in ``jixiao.cli.commands`` adds its commands."""
