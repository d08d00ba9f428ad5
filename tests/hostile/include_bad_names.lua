-- expect: file names may use only letters, digits
-- expect: include_bad_names.lua:9: error:
-- mode: check
-- Shell metacharacters, home-directory tildes, backslashes and NUL bytes.
for _, name in ipairs({ "a;b.lua", "~/x.lua", "a\\b.lua", "a b.lua", "a\0/../x.lua" }) do
    local ok, err = pcall(include, name)
    assert(not ok, name)
end
include("$(touch pwned).lua")
