# Lua 5.4 built from its source (cmake -DBH_LUA_SRC=DIR, where DIR is the
# tree scripts/fetch-lua-src unpacks: Debian's lua5.4 source package with
# Debian's patches applied), as the static library bhlua that bhengine links
# instead of the system's liblua5.4. Why: Debian's liblua is not built with
# the sanitizers or Lua's API checks, so a host bug that writes past the Lua
# stack (issue 17: coroutine.resume with 500,000 arguments) is invisible to
# ASan. Here every lua_* call checks its arguments and the stack
# (LUA_USE_APICHECK), Lua's internal assertions are on (LUAI_ASSERT), and
# with BH_SANITIZE the whole interpreter is instrumented too.
# Third-party code: it gets Lua's own warning flags, never our -Werror.

set(_lua_dir ${BH_LUA_SRC}/src)
if(NOT EXISTS ${_lua_dir}/lapi.c OR NOT EXISTS ${_lua_dir}/lua.h)
  message(FATAL_ERROR "BH_LUA_SRC=${BH_LUA_SRC} has no src/lapi.c or src/lua.h: "
          "run scripts/fetch-lua-src (scripts/setup does) and pass the folder it "
          "unpacks, e.g. -DBH_LUA_SRC=${CMAKE_SOURCE_DIR}/.deps/lua5.4")
endif()

# The core and the standard libraries, as in Lua's src/Makefile (CORE_O and
# LIB_O); not lua.c or luac.c, which have a main().
set(_lua_names lapi lcode lctype ldebug ldo ldump lfunc lgc llex lmem lobject
    lopcodes lparser lstate lstring ltable ltm lundump lvm lzio
    lauxlib lbaselib lcorolib ldblib liolib lmathlib loadlib loslib lstrlib
    ltablib lutf8lib linit)
list(TRANSFORM _lua_names PREPEND ${_lua_dir}/ OUTPUT_VARIABLE _lua_src)
list(TRANSFORM _lua_src APPEND .c)
add_library(bhlua STATIC ${_lua_src})

# Debian's luaconf.h includes a header its debian/rules generates.
if(CMAKE_LIBRARY_ARCHITECTURE)
  set(_lua_multiarch ${CMAKE_LIBRARY_ARCHITECTURE})
else()
  set(_lua_multiarch "${CMAKE_SYSTEM_PROCESSOR}-linux-gnu")
endif()
file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/luasrc/lua5.4-deb-multiarch.h
     CONTENT "#define DEB_HOST_MULTIARCH \"${_lua_multiarch}\"\n")

# SYSTEM, like /usr/include/lua5.4: our warnings are not Lua's business.
target_include_directories(bhlua SYSTEM PUBLIC ${_lua_dir} ${CMAKE_BINARY_DIR}/luasrc)
# Debian's build: gnu99, the 5.3 compatibility API, the Linux platform.
set_target_properties(bhlua PROPERTIES C_STANDARD 99 C_EXTENSIONS ON)
target_compile_definitions(bhlua PUBLIC LUA_COMPAT_5_3
                           PRIVATE LUA_USE_LINUX LUA_USE_APICHECK)
option(BH_LUA_ASSERT "With BH_LUA_SRC: Lua's internal assertions too (LUAI_ASSERT)" ON)
if(BH_LUA_ASSERT)
  target_compile_definitions(bhlua PRIVATE LUAI_ASSERT)
endif()
# Our directory-wide options minus every warning flag (so no -Werror), then
# Lua's own warnings. The sanitizer flags stay. -UNDEBUG because the API
# checks are assert()s and RelWithDebInfo defines NDEBUG.
get_directory_property(_lua_opts COMPILE_OPTIONS)
list(FILTER _lua_opts EXCLUDE REGEX "^-W")
set_property(TARGET bhlua PROPERTY COMPILE_OPTIONS ${_lua_opts} -Wall -Wextra -UNDEBUG)
target_link_libraries(bhlua PUBLIC m ${CMAKE_DL_LIBS})
