// CGLPK: the GLPK C API as a Swift module.
//
// Why this file exists: GLPK ships no pkg-config file, and a module map's
// `header "glpk.h"` is looked up beside the module map, not in the system
// include path. Including it from a local shim makes the compiler search
// /usr/include as usual. Only GLPKSolver imports this module.
#ifndef CGLPK_SHIM_H
#define CGLPK_SHIM_H
#include <glpk.h>
#endif
