#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on these
# machines (see prisma.config.ts). `prisma generate`, `validate` and `format` only
# need the file to exist; anything that would really run it fails loudly.
echo "The native Prisma schema engine is not available here: use 'npm run db:migration -w server' to author migrations." >&2
exit 1
