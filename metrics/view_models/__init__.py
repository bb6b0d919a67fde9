"""One view model per page: what each page of the dashboard shows, computed from the frames and the view."""
