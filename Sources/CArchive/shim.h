#ifndef MFSH_CARCHIVE_SHIM_H
#define MFSH_CARCHIVE_SHIM_H
/* Types and constants only: the functions are looked up with dlopen/dlsym on first use
   (Sources/MetaflowClient/IO/LibArchive.swift), so that libarchive and its dozen dependencies are
   not loaded by every mfsh process. Nothing here may be called directly: there is no link. */
#include <archive.h>
#include <archive_entry.h>
#endif
