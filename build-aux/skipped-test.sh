#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Stands for a test whose tool is missing on this machine: it is reported
# as skipped (exit 77), so that the summary counts it rather than the test
# vanishing. On CI the tool is required when configuring: this never runs.
echo "SKIP: $* is not installed"
exit 77
