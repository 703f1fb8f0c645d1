"""One module per rule kind; each registers itself with :func:`jixiao.rules.registry.rule`."""
