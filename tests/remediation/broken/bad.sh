#!/bin/sh
echo "token ${X}
if true; then
