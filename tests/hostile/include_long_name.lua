-- expect: an_included_file_whose_own_name_is_longer_than_the_sixty_characters_lua_keeps.lua:2: error: attempt to perform arithmetic on a nil value
-- where: an_included_file_whose_own_name_is_longer_than_the_sixty_characters_lua_keeps.lua
-- write: an_included_file_whose_own_name_is_longer_than_the_sixty_characters_lua_keeps.lua local a = 1\nlocal x = nil + a\n
-- mode: check
-- An included file whose own name is over 60 characters.
include("an_included_file_whose_own_name_is_longer_than_the_sixty_characters_lua_keeps.lua")
