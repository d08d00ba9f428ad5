-- expect: error object is a thread value
-- mode: check
error(coroutine.create(function() end))
