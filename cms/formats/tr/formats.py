# Turkish: day without a leading zero ("1 December 2021" order), unlike Django's "d F Y".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
