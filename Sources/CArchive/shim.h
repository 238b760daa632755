#ifndef MFSH_CARCHIVE_SHIM_H
#define MFSH_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
