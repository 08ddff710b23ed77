"""Dates: the forms a text writes them in, the calendar it writes them in, the year they fall in.

- :mod:`.forms` finds date expressions in a block's text ("March 2 (15, N.S.)", "the 2nd and the
  9th of March 1921", "Tuesday, 7 March", "the end of June", "3 février 1922", "3. März 1917")
  and says what is written — never what it means;
- :mod:`.calendars` decides the calendar of a text's unmarked dates from the text itself (its
  markers, its dual dates, where it was written and where it is set) and converts Julian dates;
- :mod:`teikit.convert.passes.dates` resolves each expression (the year from the passage or the
  text's own date, the calendar) and proposes ``date`` spans with ``@cert`` where it inferred.
"""
