#ifndef MFSH_CZLIB_SHIM_H
#define MFSH_CZLIB_SHIM_H
#include <zlib.h>
/* inflateInit2 is a macro over inflateInit2_; Swift cannot call macros. */
static inline int czlib_inflate_init_gzip(z_stream *strm) {
    /* 15 window bits + 16: expect a gzip header and trailer. */
    return inflateInit2(strm, 15 + 16);
}
#endif
