// glibc's allocator settings (mallopt), which Swift's Glibc module does not export.
#ifdef __linux__
#include <malloc.h>
#endif
