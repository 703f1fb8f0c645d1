"""One module per check, named by its code: ``jx101_weights_sum.py`` defines ``JX101``.

Families: JX1xx structure and weights; JX2xx recomputed arithmetic; JX3xx rule
conformance; JX4xx indicator quality; JX5xx completeness and placeholders; JX6xx final
accounts identities; JX7xx prose against tables; JX80x performance monitoring
(绩效运行监控); JX82x target declarations (绩效目标申报).
"""
