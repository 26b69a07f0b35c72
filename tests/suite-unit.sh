#!/bin/sh
# Unit tests of the checker modules (tests/unit/test_*.c).
cd "$ROOT" && "$BUILD/unit-tests"
