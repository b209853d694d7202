// Header only (include/CFuzzer.h); SwiftPM wants a source file in a C target.
#include "CFuzzer.h"
